package org.heard.desk;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Arrays;
import org.heard.contracts.DeskJson;
import org.heard.contracts.WireEnum;
import org.heard.desk.activity.Activity;
import org.heard.desk.alerts.AlertDelivery;
import org.heard.desk.alerts.Escalation;
import org.heard.desk.audit.AuditAction;
import org.heard.desk.deadletters.DeadLetter;
import org.heard.desk.retriage.RetriageJob;
import org.heard.mentions.MentionResponse;
import org.heard.mentions.MentionStatus;
import org.junit.jupiter.api.Test;

/**
 * The desk's and the index's enums keep their exact names in Elasticsearch and in the API: written
 * as they always were, read back as themselves. The names are the stored format, written out on purpose.
 */
class WireNamesTest {

    @Test
    void theMentionIndexKeepsItsNames() {
        assertWireNames(MentionStatus.class, "new", "in-progress", "waiting-for-patient", "replied", "closed");
        assertWireNames(MentionResponse.Change.class, "planned", "made");
    }

    @Test
    void theDesksOwnIndicesKeepTheirNames() {
        assertWireNames(
                Activity.Kind.class,
                "note",
                "status-changed",
                "assigned",
                "reply-requested",
                "reply-sent",
                "reply-failed",
                "tag-corrected",
                "change-marked");
        assertWireNames(
                AuditAction.class,
                "conversation-opened",
                "api-mention-read",
                "api-searched",
                "api-conversation-read",
                "api-streamed",
                "mentions-listed",
                "csv-exported",
                "login-locked-out",
                "note",
                "status-changed",
                "assigned",
                "reply-requested",
                "tag-corrected",
                "corrections-exported",
                "identity-revealed");
        assertWireNames(RetriageJob.State.class, "running", "done", "cancelled", "failed");
        assertWireNames(DeadLetter.State.class, "pending", "retried", "discarded");
        assertWireNames(AlertDelivery.Kind.class, "immediate", "escalation", "digest");
        assertWireNames(AlertDelivery.Route.class, "email", "webhook");
        assertWireNames(AlertDelivery.State.class, "pending", "delivered", "failed");
        assertWireNames(Escalation.State.class, "watching", "opened", "exhausted");
    }

    static <E extends Enum<E> & WireEnum> void assertWireNames(Class<E> type, String... names) {
        var constants = type.getEnumConstants();
        assertThat(Arrays.stream(constants).map(WireEnum::wire).toList())
                .as(type.getName())
                .containsExactly(names);
        for (E constant : constants) {
            String json = DeskJson.writeString(constant);
            assertThat(json).isEqualTo("\"" + constant.wire() + "\"");
            assertThat(DeskJson.mapper().readValue(json, type)).isEqualTo(constant);
        }
    }
}
