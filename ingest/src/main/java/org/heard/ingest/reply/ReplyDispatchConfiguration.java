package org.heard.ingest.reply;

import java.time.Clock;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.heard.contracts.DeadLettered;
import org.heard.contracts.DeskJson;
import org.heard.contracts.ReplyRequested;
import org.heard.contracts.Topics;
import org.heard.ingest.channel.ReplySender;
import org.heard.platform.events.EventPublisher;
import org.heard.platform.roles.ConditionalOnRole;
import org.heard.platform.roles.HeardRole;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.kafka.annotation.KafkaListener;
import org.springframework.kafka.config.ConcurrentKafkaListenerContainerFactory;
import org.springframework.kafka.core.ConsumerFactory;
import org.springframework.kafka.listener.ConsumerRecordRecoverer;
import org.springframework.kafka.listener.ContainerProperties;
import org.springframework.kafka.listener.DefaultErrorHandler;
import org.springframework.kafka.support.KafkaHeaders;
import org.springframework.messaging.handler.annotation.Header;
import org.springframework.util.backoff.ExponentialBackOff;

/** Reply dispatch runs with the ingest role, in one consumer group across instances. */
@Configuration(proxyBeanMethods = false)
@ConditionalOnRole(HeardRole.INGEST)
class ReplyDispatchConfiguration {

    static final String GROUP = "heard-reply-dispatch";

    /** Where the desk's dead letters say a reply record came from, and where its retry sends it back. */
    static final String SOURCE = "reply-dispatch";

    @Bean
    ReplyDispatcher replyDispatcher(List<ReplySender> senders, EventPublisher publisher, Clock clock) {
        return new ReplyDispatcher(senders, publisher, clock);
    }

    @Bean
    ConcurrentKafkaListenerContainerFactory<String, byte[]> replyListenerFactory(
            ConsumerFactory<String, byte[]> consumerFactory,
            EventPublisher publisher,
            Clock clock,
            @Value("${heard.replies.max-tries:6}") int maxTries,
            @Value("${heard.replies.first-retry-after-ms:2000}") long firstRetryAfter) {
        var factory = new ConcurrentKafkaListenerContainerFactory<String, byte[]>();
        factory.setConsumerFactory(consumerFactory);
        factory.getContainerProperties().setAckMode(ContainerProperties.AckMode.RECORD);
        factory.getContainerProperties().setDeliveryAttemptHeader(true);
        var backOff = new ExponentialBackOff(firstRetryAfter, 2.5);
        backOff.setMaxInterval(120_000);
        backOff.setMaxAttempts(maxTries - 1);
        var errors = new DefaultErrorHandler(deadLettering(publisher, clock, maxTries), backOff);
        factory.setCommonErrorHandler(errors);
        return factory;
    }

    /**
     * After the last try a reply goes to the dead letters, whole, where the desk can send it back
     * onto {@code heard.replies.v1}: never skipped. If even the dead letter cannot be written, the
     * error handler keeps the record and tries it again.
     */
    static ConsumerRecordRecoverer deadLettering(EventPublisher publisher, Clock clock, int maxTries) {
        return (record, failure) -> {
            var context = new LinkedHashMap<String, String>();
            context.put("topic", record.topic());
            context.put("partition", Integer.toString(record.partition()));
            context.put("offset", Long.toString(record.offset()));
            try {
                context.put(
                        "replyId",
                        DeskJson.read((byte[]) record.value(), ReplyRequested.class)
                                .replyId()
                                .value());
            } catch (RuntimeException unreadable) {
                // The payload is kept whole either way; the id is only a convenience for finding it.
            }
            var letter = DeadLettered.ofBytes(
                    "reply-" + record.partition() + "-" + record.offset(),
                    SOURCE,
                    "Gave up after " + maxTries + " tries: " + describe(failure),
                    (byte[]) record.value(),
                    context,
                    clock.instant());
            try {
                publisher.publish(Topics.DEAD_LETTERS, letter).get(60, TimeUnit.SECONDS);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IllegalStateException("Interrupted while dead-lettering reply record " + letter.id(), e);
            } catch (ExecutionException | TimeoutException e) {
                throw new IllegalStateException("Could not dead-letter reply record " + letter.id(), e);
            }
        };
    }

    private static String describe(Throwable failure) {
        Throwable cause = failure;
        // The container wraps what the listener threw; the listener's own words say what went wrong.
        while (cause.getCause() != null
                && cause.getCause() != cause
                && cause.getMessage() != null
                && cause.getMessage().startsWith("Listener method")) {
            cause = cause.getCause();
        }
        String message = cause.getMessage() == null ? cause.getClass().getSimpleName() : cause.getMessage();
        return cause.getCause() != null
                        && cause.getCause() != cause
                        && cause.getCause().getMessage() != null
                ? message + " (" + cause.getCause().getMessage() + ")"
                : message;
    }

    @Bean
    ReplyListener replyListener(
            ReplyDispatcher dispatcher,
            EventPublisher publisher,
            Clock clock,
            @Value("${heard.replies.max-tries:6}") int maxTries) {
        return new ReplyListener(dispatcher, publisher, clock, maxTries);
    }

    static class ReplyListener {

        private final ReplyDispatcher dispatcher;
        private final EventPublisher publisher;
        private final Clock clock;
        private final int maxTries;

        ReplyListener(ReplyDispatcher dispatcher, EventPublisher publisher, Clock clock, int maxTries) {
            this.dispatcher = dispatcher;
            this.publisher = publisher;
            this.clock = clock;
            this.maxTries = maxTries;
        }

        @KafkaListener(
                id = GROUP,
                groupId = GROUP,
                topics = "#{T(org.heard.contracts.Topics).REPLIES.name()}",
                containerFactory = "replyListenerFactory")
        void onReply(
                ConsumerRecord<String, byte[]> record,
                @Header(name = KafkaHeaders.DELIVERY_ATTEMPT, required = false) Integer attempt) {
            ReplyRequested reply;
            try {
                reply = DeskJson.read(record.value(), ReplyRequested.class);
            } catch (DeskJson.UnreadableRecord e) {
                publisher
                        .publish(
                                Topics.DEAD_LETTERS,
                                DeadLettered.ofBytes(
                                        "reply-" + record.partition() + "-" + record.offset(),
                                        SOURCE,
                                        e.getMessage(),
                                        record.value(),
                                        java.util.Map.of("offset", Long.toString(record.offset())),
                                        clock.instant()))
                        .join();
                return;
            }
            dispatcher.dispatch(reply, attempt != null && attempt >= maxTries);
        }
    }
}
