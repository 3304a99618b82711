package org.heard.ingest.email;

import static org.assertj.core.api.Assertions.assertThat;

import jakarta.mail.Session;
import jakarta.mail.internet.MimeMessage;
import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.util.Properties;
import java.util.Set;
import org.heard.contracts.MentionFlag;
import org.junit.jupiter.api.Test;

class AutomaticMailTest {

    private static Set<MentionFlag> flagsOf(String headers) throws Exception {
        return flagsOfRaw("From: someone@example.org\r\nTo: feedback@trust.nhs.uk\r\nSubject: Hello\r\n" + headers
                + "Content-Type: text/plain\r\n\r\nBody\r\n");
    }

    private static Set<MentionFlag> flagsOfRaw(String raw) throws Exception {
        var message = new MimeMessage(
                Session.getInstance(new Properties()),
                new ByteArrayInputStream(raw.getBytes(StandardCharsets.US_ASCII)));
        return AutomaticMail.flagsOf(message);
    }

    @Test
    void treatsAutoSubmittedOtherThanNoAsAnAutoReply() throws Exception {
        assertThat(flagsOf("Auto-Submitted: auto-generated\r\n")).containsExactly(MentionFlag.AUTO_REPLY);
        assertThat(flagsOf("Auto-Submitted: no\r\n")).isEmpty();
    }

    @Test
    void recognisesAutoresponderHeaders() throws Exception {
        assertThat(flagsOf("X-Autoreply: yes\r\n")).containsExactly(MentionFlag.AUTO_REPLY);
        assertThat(flagsOf("X-Autorespond: 1\r\n")).containsExactly(MentionFlag.AUTO_REPLY);
        assertThat(flagsOf("Precedence: auto_reply\r\n")).containsExactly(MentionFlag.AUTO_REPLY);
    }

    @Test
    void recognisesBulkAndListMail() throws Exception {
        assertThat(flagsOf("Precedence: junk\r\n")).containsExactly(MentionFlag.BULK);
        assertThat(flagsOf("Precedence: list\r\n")).containsExactly(MentionFlag.BULK);
        assertThat(flagsOf("List-Id: <news.example.org>\r\n")).containsExactly(MentionFlag.BULK);
    }

    @Test
    void aNullReturnPathMeansDoNotAnswer() throws Exception {
        assertThat(flagsOf("Return-Path: <>\r\n")).containsExactly(MentionFlag.AUTO_REPLY);
        assertThat(flagsOf("Return-Path: <someone@example.org>\r\n")).isEmpty();
    }

    @Test
    void mailFromTheMailerDaemonIsABounce() throws Exception {
        assertThat(flagsOfRaw("From: MAILER-DAEMON@mx.example.org\r\nSubject: failure notice\r\n\r\nx\r\n"))
                .containsExactly(MentionFlag.BOUNCE);
    }

    @Test
    void recognisesOutOfOfficeSubjectsEvenWithoutHeaders() throws Exception {
        assertThat(flagsOfRaw("From: a@example.org\r\nSubject: =?UTF-8?Q?Out_of_Office:_back_Monday?=\r\n\r\nx\r\n"))
                .containsExactly(MentionFlag.AUTO_REPLY);
    }
}
