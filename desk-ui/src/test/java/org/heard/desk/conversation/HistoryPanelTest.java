package org.heard.desk.conversation;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.util.Map;
import org.heard.contracts.Channel;
import org.heard.desk.activity.Activity;
import org.heard.desk.reply.ReplyDesk;
import org.junit.jupiter.api.Test;

class HistoryPanelTest {

    @Test
    void aReplyKafkaDidNotConfirmSaysItMayStillGoOutUntilTheChannelReports() {
        var unconfirmed = reply(Map.of("replyId", "r-1", "handover", ReplyDesk.UNCONFIRMED));

        assertThat(HistoryPanel.pending(unconfirmed, Channel.TWITTER))
                .contains("not confirmed")
                .contains("may still go out");
        assertThat(HistoryPanel.pending(reply(Map.of("replyId", "r-1")), Channel.TWITTER))
                .isEqualTo("sending…");
        assertThat(HistoryPanel.pending(reply(Map.of("replyId", "r-1")), Channel.STORY))
                .isEqualTo("awaiting publication");
    }

    private static Activity reply(Map<String, String> details) {
        return new Activity(
                "r-1", "c-1", "m-1", Activity.Kind.REPLY_REQUESTED, "sam", "Thank you", details, Instant.now());
    }
}
