package org.heard.ingest.channel;

import java.io.ByteArrayOutputStream;
import java.net.http.HttpResponse;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.Flow;

/**
 * An HTTP answer read up to a cap, never whole whatever its size: once the cap is passed the rest
 * is not downloaded (the connection is let go) and the answer says it was {@linkplain #over() over},
 * with what came before the cap kept for the dead letters. Outside services decide how much they
 * send; this decides how much Heard holds.
 *
 * @param text the answer's first {@code cap} bytes as UTF-8, or all of it
 * @param over whether the answer was longer than the cap
 */
public record CappedBody(String text, boolean over) {

    /** A body handler that reads at most {@code cap} bytes. */
    public static HttpResponse.BodyHandler<CappedBody> upTo(int cap) {
        return info -> new Subscriber(cap);
    }

    /** What a person reads in a dead letter: the first {@code max} characters. */
    public String excerpt(int max) {
        return text.length() <= max ? text : text.substring(0, max);
    }

    private static final class Subscriber implements HttpResponse.BodySubscriber<CappedBody> {

        private final int cap;
        private final ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        private final CompletableFuture<CappedBody> result = new CompletableFuture<>();
        private Flow.Subscription subscription;

        Subscriber(int cap) {
            this.cap = cap;
        }

        @Override
        public CompletionStage<CappedBody> getBody() {
            return result;
        }

        @Override
        public void onSubscribe(Flow.Subscription subscription) {
            this.subscription = subscription;
            subscription.request(1);
        }

        @Override
        public void onNext(List<ByteBuffer> buffers) {
            if (result.isDone()) {
                return;
            }
            for (ByteBuffer buffer : buffers) {
                int room = cap - bytes.size();
                if (buffer.remaining() > room) {
                    byte[] part = new byte[room];
                    buffer.get(part);
                    bytes.write(part, 0, part.length);
                    result.complete(new CappedBody(bytes.toString(StandardCharsets.UTF_8), true));
                    subscription.cancel();
                    return;
                }
                byte[] all = new byte[buffer.remaining()];
                buffer.get(all);
                bytes.write(all, 0, all.length);
            }
            subscription.request(1);
        }

        @Override
        public void onError(Throwable failure) {
            result.completeExceptionally(failure);
        }

        @Override
        public void onComplete() {
            result.complete(new CappedBody(bytes.toString(StandardCharsets.UTF_8), false));
        }
    }
}
