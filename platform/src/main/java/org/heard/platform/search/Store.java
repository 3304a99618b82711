package org.heard.platform.search;

import java.io.IOException;
import java.io.UncheckedIOException;

/**
 * One way to call Elasticsearch: a call that could not reach it becomes an {@link UncheckedIOException}
 * "Elasticsearch is unreachable", which every caller treats alike (the API answers 503, a Kafka
 * listener keeps its batch and retries, a page says the index cannot be asked). Refusals
 * ({@code ElasticsearchException}: a conflict, a missing index) pass through for the caller to judge.
 */
public final class Store {

    /** An Elasticsearch client call. */
    @FunctionalInterface
    public interface Call<T> {
        T call() throws IOException;
    }

    /** An Elasticsearch client call whose answer is not needed. */
    @FunctionalInterface
    public interface Action {
        void run() throws IOException;
    }

    static final String UNREACHABLE = "Elasticsearch is unreachable";

    private Store() {}

    /** @throws UncheckedIOException when Elasticsearch cannot be reached */
    public static <T> T call(Call<T> call) {
        try {
            return call.call();
        } catch (IOException e) {
            throw new UncheckedIOException(UNREACHABLE, e);
        }
    }

    /** @throws UncheckedIOException when Elasticsearch cannot be reached */
    public static void run(Action action) {
        try {
            action.run();
        } catch (IOException e) {
            throw new UncheckedIOException(UNREACHABLE, e);
        }
    }
}
