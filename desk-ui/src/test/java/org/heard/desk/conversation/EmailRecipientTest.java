package org.heard.desk.conversation;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.heard.contracts.Author;
import org.heard.contracts.Channel;
import org.heard.mentions.MentionDocument;
import org.junit.jupiter.api.Test;

class EmailRecipientTest {

    @Test
    void aReplyGoesToTheSenderWhenNoReplyToWasGiven() {
        var recipient = EmailRecipient.of(email("jo@example.org", Map.of()));

        assertThat(recipient.replyTo()).isEqualTo("jo@example.org");
        assertThat(recipient.warnings()).isEmpty();
    }

    @Test
    void aReplyToOtherThanTheSenderIsNamedInTheWarning() {
        var recipient = EmailRecipient.of(email("jo@example.org", Map.of("replyTo", "harvest@elsewhere.example")));

        assertThat(recipient.replyTo()).isEqualTo("harvest@elsewhere.example");
        assertThat(recipient.warnings())
                .singleElement()
                .asString()
                .contains("harvest@elsewhere.example", "jo@example.org");
    }

    @Test
    void theSameAddressInAnotherCaseIsNoWarning() {
        assertThat(EmailRecipient.of(email("Jo@Example.org", Map.of("replyTo", "jo@example.org")))
                        .warnings())
                .isEmpty();
    }

    private static MentionDocument email(String from, Map<String, String> attributes) {
        var at = Instant.parse("2026-01-05T09:00:00Z");
        return new MentionDocument(
                "m-1",
                "c-1",
                Channel.EMAIL,
                "feedback",
                "x-1",
                null,
                new Author(from, null, "Jo"),
                "Ward 5",
                "Cold.",
                at,
                at,
                List.of(),
                Set.of(),
                attributes,
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
}
