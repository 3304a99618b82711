package org.heard.triage;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

class ParallelTest {

    @Test
    void oneSlowMentionDoesNotHoldUpTheOthersOnTheOtherWorkers() throws Exception {
        List<Integer> items = new ArrayList<>();
        for (int i = 0; i < 8; i++) {
            items.add(i);
        }
        CountDownLatch othersDone = new CountDownLatch(items.size() - 1);
        boolean[] slowSawOthersFinish = new boolean[1];
        try (ExecutorService pool = Executors.newFixedThreadPool(2)) {
            List<Integer> results = Parallel.map(
                    items,
                    item -> {
                        if (item == 0) {
                            // The slow one: it finishes only once all seven behind it are done.
                            try {
                                slowSawOthersFinish[0] = othersDone.await(60, TimeUnit.SECONDS);
                            } catch (InterruptedException e) {
                                Thread.currentThread().interrupt();
                            }
                        } else {
                            othersDone.countDown();
                        }
                        return item * 10;
                    },
                    pool);
            assertThat(slowSawOthersFinish[0])
                    .as("the seven others were tagged while the slow one was still working")
                    .isTrue();
            assertThat(results).containsExactly(0, 10, 20, 30, 40, 50, 60, 70);
        }
    }
}
