package org.heard.desk.inbox;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;
import org.heard.contracts.Channel;
import org.heard.contracts.ConversationId;
import org.heard.contracts.MentionId;
import org.heard.contracts.MentionTriaged;
import org.heard.contracts.Sentiment;
import org.heard.contracts.ServiceTag;
import org.heard.contracts.Urgency;
import org.junit.jupiter.api.Test;

class LiveInboxTest {

    @Test
    void aBurstOfMentionsRefreshesAnAffectedViewFewTimesOffTheAnnouncingThreadAndAnUnaffectedOneNever()
            throws Exception {
        try (var live = new LiveInbox()) {
            var wardRefreshes = new AtomicInteger();
            var maternityRefreshes = new AtomicInteger();
            Set<String> threads = ConcurrentHashMap.newKeySet();
            live.open(mention -> InboxRelevanceTestSupport.about(mention, "ward-7"), () -> {
                threads.add(Thread.currentThread().getName());
                wardRefreshes.incrementAndGet();
            });
            live.open(
                    mention -> InboxRelevanceTestSupport.about(mention, "maternity"),
                    maternityRefreshes::incrementAndGet);

            long start = System.nanoTime();
            for (int i = 0; i < 500; i++) {
                live.triaged(triaged("ward-7", i));
            }
            double seconds = (System.nanoTime() - start) / 1e9;
            await().atMost(Duration.ofSeconds(10)).until(() -> wardRefreshes.get() >= 1);
            Thread.sleep(1500);

            // At most one refresh a second while the burst lasted, and one for what came after the last.
            assertThat(wardRefreshes.get()).isBetween(1, (int) Math.ceil(seconds) + 2);
            assertThat(maternityRefreshes.get()).isZero();
            assertThat(threads).allMatch(name -> name.startsWith("heard-inbox-refresh-"));
        }
    }

    private static MentionTriaged triaged(String service, int n) {
        return new MentionTriaged(
                MentionId.of(Channel.EMAIL, "live-" + n),
                ConversationId.startedBy(Channel.EMAIL, "live-" + n),
                Channel.EMAIL,
                new Sentiment(Sentiment.Label.NEUTRAL, 0, List.of()),
                List.of(new ServiceTag(service, 0.9, List.of())),
                Urgency.normal(),
                List.of(),
                "test",
                Instant.now());
    }

    /** A view of one service, as the inbox decides it. */
    private static final class InboxRelevanceTestSupport {
        static boolean about(MentionTriaged mention, String service) {
            return InboxRelevance.affects(
                    new org.heard.mentions.MentionQuery(
                            null, null, Set.of(service), null, null, null, null, null, null, null),
                    mention);
        }
    }
}
