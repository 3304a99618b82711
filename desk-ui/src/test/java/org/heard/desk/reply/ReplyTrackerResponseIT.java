package org.heard.desk.reply;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import org.heard.contracts.Channel;
import org.heard.contracts.ConversationId;
import org.heard.contracts.MentionId;
import org.heard.contracts.ReplyId;
import org.heard.contracts.ReplySent;
import org.heard.desk.activity.Activity;
import org.heard.desk.activity.ActivityLog;
import org.heard.mentions.MentionDocument;
import org.heard.mentions.TestMentionIndex;
import org.heard.platform.testing.TestElasticsearch;
import org.junit.jupiter.api.Test;

/** A reply's delivery counts on its mention, with the warnings it was sent despite, once however often it is heard. */
class ReplyTrackerResponseIT {

    @Test
    void aDeliveredReplyCountsOnceWithTheWarningsShownWhenItWasSent() {
        var client = TestElasticsearch.client();
        var index = new TestMentionIndex(client);
        index.schema().ensureExists();
        var activity = new ActivityLog(client);
        activity.ensureExists();
        var tracker = new ReplyTracker(
                activity, index.staff(), null, Clock.fixed(Instant.parse("2026-03-02T12:00:00Z"), ZoneOffset.UTC));
        String id = "tracked-" + UUID.randomUUID();
        var published = Instant.parse("2026-03-02T09:00:00Z");
        assertThat(index.writer()
                        .upsertAll(List.of(new MentionDocument(
                                id,
                                "c-" + id,
                                Channel.TWITTER,
                                "@trust",
                                id,
                                null,
                                null,
                                null,
                                "Nobody came",
                                published,
                                published,
                                List.of(),
                                Set.of(),
                                Map.of(),
                                null,
                                null,
                                null,
                                null,
                                List.of(),
                                "test",
                                published,
                                null,
                                null,
                                null,
                                null))))
                .isEmpty();
        var replyId = ReplyId.random();
        activity.record(new Activity(
                replyId.value(),
                "c-" + id,
                id,
                Activity.Kind.REPLY_REQUESTED,
                "sam",
                "Please contact PALS",
                Map.of(
                        "replyId",
                        replyId.value(),
                        "warnings",
                        "copy-paste,deflection",
                        "choice",
                        "sent despite warnings"),
                published));
        var sent = new ReplySent(
                replyId,
                new MentionId(id),
                new ConversationId("c-" + id),
                Channel.TWITTER,
                "tweet-1",
                Instant.parse("2026-03-02T09:45:00Z"));

        tracker.recorded(sent);
        tracker.recorded(sent); // the live listener and the history listener both hear it

        var response = index.search().find(id).orElseThrow().response();
        assertThat(response.replyCount()).isEqualTo(1);
        assertThat(response.firstResponseSeconds()).isEqualTo(2700);
        assertThat(response.warnings()).containsExactlyInAnyOrder("copy-paste", "deflection");
        assertThat(response.copyPasteReplyIds()).containsExactly(replyId.value());
        assertThat(response.deflectionReplyIds()).containsExactly(replyId.value());
    }
}
