package org.heard.triage;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.function.Function;

/** Order-keeping parallel map over a list, for CPU-bound CoreNLP work. */
final class Parallel {

    private Parallel() {}

    static <T, R> List<R> map(List<T> items, Function<T, R> work, int threads) {
        if (threads <= 1 || items.size() <= 1) {
            return items.stream().map(work).toList();
        }
        try (ExecutorService pool = Executors.newFixedThreadPool(threads)) {
            return map(items, work, pool);
        }
    }

    static <T, R> List<R> map(List<T> items, Function<T, R> work, ExecutorService pool) {
        List<Future<R>> futures = new ArrayList<>(items.size());
        for (T item : items) {
            futures.add(pool.submit(() -> work.apply(item)));
        }
        List<R> results = new ArrayList<>(items.size());
        try {
            for (Future<R> future : futures) {
                results.add(future.get());
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            futures.forEach(future -> future.cancel(true));
            throw new IllegalStateException("Interrupted while triaging", e);
        } catch (ExecutionException e) {
            futures.forEach(future -> future.cancel(true));
            if (e.getCause() instanceof RuntimeException runtime) {
                throw runtime;
            }
            throw new IllegalStateException(e.getCause());
        }
        return results;
    }
}
