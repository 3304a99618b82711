package org.heard.ingest.email;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import org.heard.contracts.Channel;
import org.heard.contracts.ConversationId;
import org.heard.contracts.MentionFlag;
import org.heard.contracts.MentionId;
import org.heard.contracts.ReplyId;
import org.heard.platform.testing.InMemoryCheckpointStore;
import org.junit.jupiter.api.Test;

class EmailMentionsTest {

    private static final Instant NOW = Instant.parse("2025-11-08T10:00:00Z");

    private final InMemoryCheckpointStore store = new InMemoryCheckpointStore();
    private final MailIndex index = new MailIndex(store);
    private final EmailMentions reader = new EmailMentions(index, Clock.fixed(NOW, ZoneOffset.UTC));

    private Reading.Mention mention(String sample) {
        Reading reading = reader.read(Samples.raw(sample), Samples.mailbox());
        assertThat(reading).isInstanceOf(Reading.Mention.class);
        return (Reading.Mention) reading;
    }

    @Test
    void showsTheReplyWithoutQuotesOrSignatureButKeepsWhatWasCut() {
        var mention = mention("plain-reply.eml").mention();

        assertThat(mention.text())
                .startsWith("Thank you for getting back to me.")
                .contains("discharge letter – could someone ring me?")
                .endsWith("Jo")
                .doesNotContain("07700 900123", "We are sorry");
        assertThat(mention.attributes().get("trimmed"))
                .contains("07700 900123", "> We are sorry to hear about the wait.")
                .doesNotContain("Thank you for getting back to me.");
        assertThat(mention.channel()).isEqualTo(Channel.EMAIL);
        assertThat(mention.account()).isEqualTo("feedback@trust.nhs.uk");
        assertThat(mention.externalId()).isEqualTo("<CAF=reply-1@mail.example.org>");
        assertThat(mention.mentionId()).isEqualTo(MentionId.of(Channel.EMAIL, "<CAF=reply-1@mail.example.org>"));
        assertThat(mention.author().displayName()).isEqualTo("Jo Bloggs");
        assertThat(mention.author().id()).isEqualTo("jo.bloggs@example.org");
        assertThat(mention.subject()).isEqualTo("Re: Your visit to Ward 5");
        assertThat(mention.publishedAt()).isEqualTo(Instant.parse("2025-11-03T09:14:55Z"));
        assertThat(mention.receivedAt()).isEqualTo(NOW);
        assertThat(mention.serviceHints()).containsExactly("ward-5");
        assertThat(mention.flags()).isEmpty();
        assertThat(mention.attributes())
                .containsEntry("inReplyTo", "<first-1@mail.example.org>")
                .containsEntry("references", "<first-1@mail.example.org>")
                .containsEntry("replyTo", "jo.bloggs@example.org")
                .containsEntry("authentication", "pass (dmarc=pass spf=pass dkim=pass; by mail.trust.nhs.uk)");
    }

    @Test
    void joinsTheConversationOfTheThreadRootItAnswers() {
        var mention = mention("plain-reply.eml");

        assertThat(mention.mention().conversationId())
                .isEqualTo(ConversationId.startedBy(Channel.EMAIL, "<first-1@mail.example.org>"));
        assertThat(mention.headers().references())
                .containsExactly("<first-1@mail.example.org>", "<CAF=reply-1@mail.example.org>");
    }

    @Test
    void turnsHtmlIntoSafeTextInAnyCharset() {
        var mention = mention("html-latin1.eml").mention();

        assertThat(mention.text())
                .isEqualTo("The café was closed again.\nSee this photo (https://example.com/photo)\nThanks");
        assertThat(mention.text()).doesNotContain("<", "alert", "color:red", "tracker");
        assertThat(mention.author().displayName()).isEqualTo("Sam O'Neil");
    }

    @Test
    void recordsAttachmentsAsMetadataWithoutStoringThemByDefault() {
        var mention = mention("attachment.eml").mention();

        assertThat(mention.text()).isEqualTo("Please see the attached letter about my appointment.");
        assertThat(mention.attributes()).containsEntry("attachmentCount", "1");
        assertThat(mention.attributes().get("attachments"))
                .isEqualTo("lettre détaillée.pdf | application/pdf | 54 bytes | stored: no");
    }

    @Test
    void storesAttachmentsUpToTheSizeCapWhenConfigured(@org.junit.jupiter.api.io.TempDir java.nio.file.Path directory)
            throws Exception {
        var m = Samples.mailbox();
        java.util.function.Function<org.springframework.util.unit.DataSize, EmailSettings.Mailbox> withCap =
                cap -> new EmailSettings.Mailbox(
                        m.address(),
                        m.displayName(),
                        m.imap(),
                        m.smtp(),
                        m.username(),
                        m.password(),
                        null,
                        m.folder(),
                        m.sentFolder(),
                        m.processed(),
                        m.services(),
                        null,
                        new EmailSettings.Attachments(true, cap, directory),
                        m.maxMessageSize(),
                        m.pollInterval(),
                        m.idle(),
                        m.authenticationServers());

        var stored = (Reading.Mention) reader.read(
                Samples.raw("attachment.eml"), withCap.apply(org.springframework.util.unit.DataSize.ofKilobytes(1)));
        var overCap = (Reading.Mention) reader.read(
                Samples.raw("attachment.eml"), withCap.apply(org.springframework.util.unit.DataSize.ofBytes(10)));

        String storedPath = stored.mention().attributes().get("attachments").replaceAll(".*stored: ", "");
        assertThat(java.nio.file.Files.readString(java.nio.file.Path.of(storedPath), StandardCharsets.ISO_8859_1))
                .startsWith("%PDF-1.4");
        assertThat(overCap.mention().attributes().get("attachments")).endsWith("stored: no (over 10B)");
    }

    @Test
    void decodesEncodedHeadersAndWindowsCharsets() {
        var mention = mention("encoded-headers.eml").mention();

        assertThat(mention.subject()).isEqualTo("Thé ward was “spotless”");
        assertThat(mention.author().displayName()).isEqualTo("Zülal Öztürk");
        assertThat(mention.text()).isEqualTo("The nurses were “wonderful” – thank you.");
    }

    @Test
    void givesMailWithoutMessageIdAStableIdFromItsContent() {
        var first = mention("no-message-id.eml").mention();
        var again = mention("no-message-id.eml").mention();

        assertThat(first.externalId()).endsWith("@no-message-id.heard>");
        assertThat(again.mentionId()).isEqualTo(first.mentionId());
    }

    @Test
    void keepsADifferentMessageThatReusesAMessageIdApart() {
        byte[] original = Samples.raw("bulk.eml");
        byte[] impostor = new String(original, StandardCharsets.ISO_8859_1)
                .replace("Great offers on gloves.", "A different message with the same id.")
                .getBytes(StandardCharsets.ISO_8859_1);

        var first = (Reading.Mention) reader.read(original, Samples.mailbox());
        var rereadOfFirst = (Reading.Mention) reader.read(original, Samples.mailbox());
        var second = (Reading.Mention) reader.read(impostor, Samples.mailbox());

        assertThat(rereadOfFirst.mention().mentionId())
                .isEqualTo(first.mention().mentionId());
        assertThat(second.mention().mentionId()).isNotEqualTo(first.mention().mentionId());
        assertThat(second.mention().externalId()).startsWith("<bulk-1@supplier.example>#");
    }

    @Test
    void flagsOutOfOfficeRepliesAsAutomatic() {
        var mention = mention("out-of-office.eml").mention();

        assertThat(mention.flags()).contains(MentionFlag.AUTO_REPLY);
        assertThat(mention.automatic()).isTrue();
    }

    @Test
    void flagsDeliveryReportsAsBounces() {
        var mention = mention("bounce.eml").mention();

        assertThat(mention.flags()).contains(MentionFlag.BOUNCE);
        assertThat(mention.text()).contains("could not be delivered");
        assertThat(mention.attributes().get("attachments")).startsWith("(unnamed) | message/delivery-status");
    }

    @Test
    void flagsBulkMail() {
        assertThat(mention("bulk.eml").mention().flags())
                .containsExactlyInAnyOrder(MentionFlag.BULK, MentionFlag.SENDER_NOT_AUTHENTICATED);
    }

    @Test
    void leavesMailFromPeopleUnflagged() {
        assertThat(mention("encoded-headers.eml").mention().flags()).isEmpty();
    }

    @Test
    void answerToOurReplyJoinsItsConversationThroughTheTokenInOurMessageId() {
        var mention = mention("out-of-office.eml").mention();

        assertThat(mention.conversationId())
                .isEqualTo(new ConversationId("email-0b7c7e6e-1111-3a3a-9a9a-123456789abc"));
    }

    @Test
    void answerWithoutThreadHeadersJoinsThroughTheSubjectToken() {
        byte[] raw = new String(Samples.raw("encoded-headers.eml"), StandardCharsets.ISO_8859_1)
                .replaceFirst(
                        "Subject: .*\r\n", "Subject: Re: Your feedback [ref:0b7c7e6e-2222-3a3a-9a9a-123456789abc]\r\n")
                .getBytes(StandardCharsets.ISO_8859_1);

        var mention = (Reading.Mention) reader.read(raw, Samples.mailbox());

        assertThat(mention.mention().conversationId())
                .isEqualTo(new ConversationId("email-0b7c7e6e-2222-3a3a-9a9a-123456789abc"));
    }

    @Test
    void answerOnlyNamingAKnownMessageJoinsThatMessagesConversation() {
        var known = new ConversationId("email-known-conversation");
        index.rememberConversation("<first-1@mail.example.org>", known);

        assertThat(mention("plain-reply.eml").mention().conversationId()).isEqualTo(known);
        assertThat(index.conversationOf("<CAF=reply-1@mail.example.org>")).contains(known);
    }

    @Test
    void recognisesOurOwnRepliesSoTheyAreNeverTakenIn() {
        index.rememberOurs("<bulk-1@supplier.example>", new ReplyId("reply-1"));

        assertThat(reader.read(Samples.raw("bulk.eml"), Samples.mailbox()))
                .isEqualTo(new Reading.OurOwn("<bulk-1@supplier.example>"));
    }

    @Test
    void keepsTheTextOfMalformedMimeAndOfAnUnknownCharset() {
        assertThat(mention("malformed-multipart.eml").mention().flags()).contains(MentionFlag.PART_UNREADABLE);
        assertThat(mention("invalid-charset.eml").mention().text()).isEqualTo("Hello.");
    }

    @Test
    void reportsBytesThatAreNoEmailAtAllAsUnreadableWithoutThrowing() {
        byte[] garbage = new byte[] {0, (byte) 0xff, 'x', '\r', '\n', '\r', '\n', 1, 2, 3};

        assertThat(reader.read(garbage, Samples.mailbox())).isInstanceOf(Reading.class);
    }
}
