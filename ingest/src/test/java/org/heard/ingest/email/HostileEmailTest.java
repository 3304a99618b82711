package org.heard.ingest.email;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import org.heard.contracts.Channel;
import org.heard.contracts.ConversationId;
import org.heard.contracts.DeskJson;
import org.heard.contracts.MentionFlag;
import org.heard.contracts.MentionReceived;
import org.heard.platform.testing.InMemoryCheckpointStore;
import org.junit.jupiter.api.Test;

/**
 * Email written to break the reader (issue #16): each must still become a mention with what can be
 * read, flagged, bounded in size, with nothing shown that could not be shown safely.
 */
class HostileEmailTest {

    private static final Instant NOW = Instant.parse("2026-12-01T10:00:00Z");
    /** Kafka's default largest record; a mention must stay well under it whatever the email. */
    private static final int KAFKA_DEFAULT_MAX_REQUEST = 1024 * 1024;

    private final MailIndex index = new MailIndex(new InMemoryCheckpointStore());
    private final EmailMentions reader = new EmailMentions(index, Clock.fixed(NOW, ZoneOffset.UTC));

    private MentionReceived mention(String raw) {
        Reading reading =
                reader.read(raw.replace("\n", "\r\n").getBytes(StandardCharsets.ISO_8859_1), Samples.mailbox());
        assertThat(reading).isInstanceOf(Reading.Mention.class);
        MentionReceived mention = ((Reading.Mention) reading).mention();
        assertThat(DeskJson.write(mention).length)
                .as("the mention's size on Kafka")
                .isLessThan(KAFKA_DEFAULT_MAX_REQUEST);
        return mention;
    }

    private static String headers(String from, String messageId, String subject) {
        return "From: " + from + "\nTo: feedback@trust.nhs.uk\nSubject: " + subject
                + "\nDate: Mon, 1 Dec 2026 09:00:00 +0000\nMessage-ID: " + messageId + "\nMIME-Version: 1.0\n";
    }

    @Test
    void readsAPlainAsciiBodyInAnUnknownCharsetAndSaysSo() {
        var mention = mention(headers("odd@example.org", "<charset@example.org>", "Odd charset")
                + "Content-Type: text/plain; charset=\"x-no-such-charset-42\"\n\nThe ward was lovely.\n");

        assertThat(mention.text()).isEqualTo("The ward was lovely.");
        assertThat(mention.flags()).contains(MentionFlag.PART_UNREADABLE);
        assertThat(mention.attributes().get("unreadableParts")).contains("x-no-such-charset-42");
    }

    @Test
    void keepsTheReadablePartsWhenOnePartsBase64IsBroken() {
        var mention = mention(headers("jo@example.org", "<base64@example.org>", "Two parts") + """
                Content-Type: multipart/mixed; boundary="b"

                --b
                Content-Type: text/plain; charset=utf-8

                The nurses on ward 5 were kind.
                --b
                Content-Type: text/plain; charset=utf-8
                Content-Transfer-Encoding: base64

                VGhlIGZvb2Qgd2FzIGNvbGQu!!!*** not base64 at all ===== ==
                --b--
                """);

        assertThat(mention.text()).contains("The nurses on ward 5 were kind.");
        assertThat(mention.flags()).contains(MentionFlag.PART_UNREADABLE);
    }

    @Test
    void salvagesWhatDecodesOfABodyWithBrokenBase64() {
        var mention = mention(headers("jo@example.org", "<base64-only@example.org>", "Broken")
                + "Content-Type: text/plain; charset=utf-8\nContent-Transfer-Encoding: base64\n\n"
                + "VGhlIGZvb2Qgd2FzIGNvbGQu\n!!!=\nAAA\n");

        assertThat(mention.text()).startsWith("The food was cold.");
        assertThat(mention.flags()).contains(MentionFlag.PART_UNREADABLE);
    }

    @Test
    void keepsTheTextOfAMultipartWhosePartsCannotBeFound() {
        var mention = mention(headers("broken@example.org", "<no-parts@example.org>", "Broken") + """
                Content-Type: multipart/mixed; boundary="never-used"

                There are no parts in here at all, just text where parts should be.
                """);

        assertThat(mention.text()).isEqualTo("There are no parts in here at all, just text where parts should be.");
        assertThat(mention.flags()).contains(MentionFlag.PART_UNREADABLE);
    }

    @Test
    void readsTheBodyOfAnUnreadableContentTypeAsTextAndSaysSo() {
        var mention = mention(headers("odd@example.org", "<type@example.org>", "Odd type")
                + "Content-Type: ;;;===\"\n\nThe ward was lovely.\n");

        assertThat(mention.text()).isEqualTo("The ward was lovely.");
        assertThat(mention.flags()).contains(MentionFlag.PART_UNREADABLE);
        assertThat(mention.attributes().get("unreadableParts")).contains("unreadable Content-Type ';;;===\"'");
    }

    @Test
    void dropsControlCharactersButKeepsLineBreaksAndTabs() {
        var mention =
                mention(headers("Jo\u0007 Bloggs <jo@example.org>", "<nul@example.org>", "Bad\u0000 subject\u001b[31m")
                        + "Content-Type: text/plain; charset=utf-8\n\nLine\u0000 one\tindented\nLine two\u001b[2J.\n");

        assertThat(mention.text()).isEqualTo("Line one\tindented\nLine two[2J.");
        assertThat(mention.subject()).isEqualTo("Bad subject[31m");
        assertThat(mention.author().displayName()).isEqualTo("Jo Bloggs");
    }

    @Test
    void capsAHugeSubjectAndAHugeTextAndFlagsTheCut() {
        String subject = "S".repeat(100_000);
        String text = ("A patient wrote a very long letter indeed. ").repeat(80_000);
        var mention = mention(headers("long@example.org", "<long@example.org>", subject)
                + "Content-Type: text/plain; charset=utf-8\n\n" + text + "\n");

        assertThat(mention.subject()).hasSizeLessThanOrEqualTo(1_000);
        assertThat(mention.text()).hasSizeLessThanOrEqualTo(100_000).startsWith("A patient wrote");
        assertThat(mention.flags()).contains(MentionFlag.TRUNCATED);
        assertThat(mention.attributes().get("truncated")).contains("subject", "text");
    }

    @Test
    void keepsTheTextOnceOnTheMention() {
        var mention = mention(
                headers("jo@example.org", "<once@example.org>", "Once")
                        + "Content-Type: text/plain; charset=utf-8\n\nThank you.\n\nOn Mon, 1 Dec 2026, Ward 5 wrote:\n> Sorry.\n");

        assertThat(mention.text()).isEqualTo("Thank you.");
        assertThat(String.join("\n", mention.attributes().values()))
                .doesNotContain("Thank you.")
                .contains("> Sorry.");
    }

    @Test
    void turnsHostileHtmlIntoBoundedSafeText() {
        String nested = "<div>".repeat(50_000) + "deep" + "</div>".repeat(50_000);
        var mention = mention(
                headers("html@example.org", "<html@example.org>", "HTML") + "Content-Type: text/html; charset=utf-8\n\n"
                        + "<html><head><script>alert(1)</script><style>p{}</style></head><body>"
                        + "<p onclick=\"steal()\">Hello <img src=x onerror=alert(2)><b>ward</b></p>" + nested
                        + "<a href=\"javascript:alert(3)\">click</a></body></html>\n");

        assertThat(mention.text()).contains("Hello ward", "deep").doesNotContain("<", "alert(1)", "steal", "onerror");
    }

    @Test
    void recordsWhereRepliesGoWhenReplyToIsNotTheSender() {
        var mention = mention(headers("Jo <jo@example.org>", "<replyto@example.org>", "Help")
                + "Reply-To: someone.else@elsewhere.example\nContent-Type: text/plain\n\nPlease reply.\n");

        assertThat(mention.attributes()).containsEntry("replyTo", "someone.else@elsewhere.example");
        assertThat(mention.flags()).contains(MentionFlag.REPLY_TO_DIFFERS);
    }

    @Test
    void believesOnlyTheReceivingServersAuthenticationResults() {
        var forged = mention(headers("jo@example.org", "<auth-1@example.org>", "Forged")
                + "Authentication-Results: mx.trust.nhs.uk; spf=fail smtp.mailfrom=example.org; dmarc=fail header.from=example.org\n"
                + "Authentication-Results: attacker.example; dmarc=pass header.from=example.org\n"
                + "Content-Type: text/plain\n\nHello.\n");
        var genuine = mention(headers("jo@example.org", "<auth-2@example.org>", "Genuine")
                + "Authentication-Results: mx.trust.nhs.uk; spf=pass (sender ok) smtp.mailfrom=example.org;\n"
                + " dkim=pass header.d=example.org; dmarc=pass header.from=example.org\n"
                + "Content-Type: text/plain\n\nHello.\n");
        var unchecked = mention(
                headers("jo@example.org", "<auth-3@example.org>", "None") + "Content-Type: text/plain\n\nHello.\n");

        assertThat(forged.flags()).contains(MentionFlag.SENDER_NOT_AUTHENTICATED);
        assertThat(forged.attributes().get("authentication"))
                .startsWith("fail")
                .contains("dmarc=fail", "mx.trust.nhs.uk");
        assertThat(genuine.flags()).doesNotContain(MentionFlag.SENDER_NOT_AUTHENTICATED);
        assertThat(genuine.attributes().get("authentication"))
                .isEqualTo("pass (dmarc=pass spf=pass dkim=pass; by mx.trust.nhs.uk)");
        assertThat(unchecked.flags()).contains(MentionFlag.SENDER_NOT_AUTHENTICATED);
    }

    @Test
    void aReplyFromAnotherSenderStartsItsOwnConversation() {
        var patient = mention(headers("patient@example.org", "<first@example.org>", "My dad's care")
                + "Content-Type: text/plain\n\nMy dad was in bed 4.\n");
        var stranger = mention(
                headers("stranger@elsewhere.example", "<second@elsewhere.example>", "Re: My dad's care")
                        + "In-Reply-To: <first@example.org>\nReferences: <first@example.org>\nContent-Type: text/plain\n\nTell me more.\n");
        var patientAgain = mention(
                headers("Patient@Example.org", "<third@example.org>", "Re: My dad's care")
                        + "In-Reply-To: <first@example.org>\nReferences: <first@example.org>\nContent-Type: text/plain\n\nAnd bed 5.\n");

        assertThat(stranger.conversationId()).isNotEqualTo(patient.conversationId());
        assertThat(stranger.flags()).contains(MentionFlag.THREAD_OF_ANOTHER_SENDER);
        assertThat(patientAgain.conversationId()).isEqualTo(patient.conversationId());
        assertThat(patientAgain.flags()).doesNotContain(MentionFlag.THREAD_OF_ANOTHER_SENDER);
    }

    @Test
    void aReusedMessageIdFromAnotherSenderNeitherReplacesNorRedirectsTheFirst() {
        var patient = mention(headers("patient@example.org", "<reused@example.org>", "Bed 4")
                + "Content-Type: text/plain\n\nMy dad was in bed 4.\n");
        var impostor = mention(headers("impostor@elsewhere.example", "<reused@example.org>", "Bed 4")
                + "Content-Type: text/plain\n\nSomething else.\n");
        var answer = mention(headers("patient@example.org", "<answer@example.org>", "Re: Bed 4")
                + "In-Reply-To: <reused@example.org>\nContent-Type: text/plain\n\nStill waiting.\n");

        assertThat(impostor.mentionId()).isNotEqualTo(patient.mentionId());
        assertThat(impostor.conversationId()).isNotEqualTo(patient.conversationId());
        assertThat(answer.conversationId())
                .isEqualTo(patient.conversationId())
                .isEqualTo(ConversationId.startedBy(Channel.EMAIL, "<reused@example.org>"));
    }
}
