package org.heard.desk.mentions;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.heard.contracts.Channel;
import org.heard.desk.activity.Activity;
import org.heard.mentions.MentionDocument;
import org.junit.jupiter.api.Test;

class ConversationHistoryTest {

    @Test
    void onlyWhatStaffDidToMentionsInScopeIsSeen() {
        var mine = mention("m-ward");
        var history = List.of(
                entry("n1", "m-ward", Activity.Kind.NOTE),
                entry("n2", "m-ed", Activity.Kind.NOTE),
                entry("r1", "m-ed", Activity.Kind.REPLY_REQUESTED),
                entry("s1", null, Activity.Kind.STATUS_CHANGED),
                entry("s2", "m-ward", Activity.Kind.STATUS_CHANGED));

        assertThat(ConversationHistory.visible(List.of(mine), history))
                .extracting(Activity::id)
                .containsExactly("n1", "s2");
    }

    private static MentionDocument mention(String id) {
        var at = Instant.parse("2026-01-05T09:00:00Z");
        return new MentionDocument(
                id,
                "c-1",
                Channel.EMAIL,
                "feedback",
                id,
                null,
                null,
                null,
                "text",
                at,
                at,
                List.of(),
                Set.of(),
                Map.of(),
                null,
                null,
                null,
                null,
                List.of(),
                "test",
                at,
                null,
                null,
                null,
                null);
    }

    private static Activity entry(String id, String mentionId, Activity.Kind kind) {
        return new Activity(id, "c-1", mentionId, kind, "sam", "text", Map.of(), Instant.parse("2026-01-05T10:00:00Z"));
    }
}
