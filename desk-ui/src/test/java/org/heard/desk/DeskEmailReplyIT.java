package org.heard.desk;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.icegreen.greenmail.util.GreenMail;
import com.icegreen.greenmail.util.GreenMailUtil;
import com.microsoft.playwright.Page;
import com.microsoft.playwright.options.AriaRole;
import jakarta.mail.internet.MimeMessage;
import java.time.Duration;
import java.util.Arrays;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.ApplicationContext;
import tools.jackson.databind.JsonNode;

/**
 * Replying on email end to end with real parts: a patient's email reaches the desk's mailbox (the
 * embedded GreenMail server over SMTP), is read over IMAP, triaged and shown; a responder answers
 * in a real browser; the reply arrives in the mail server with the subject and thread headers of
 * the patient's message, signed by the responder.
 */
@DeskApplicationTest
class DeskEmailReplyIT extends BrowserDeskTest {

    @Autowired
    ApplicationContext context;

    @Test
    void aReplyFromTheDeskArrivesInThePatientsThreadWithItsHeaders() throws Exception {
        GreenMail mail = embeddedMailServer();
        String word = TestMentions.uniqueWord();
        String subject = "Parking at the hospital " + word;
        GreenMailUtil.sendTextEmail(
                "feedback@heard.localhost",
                "patient-" + word + "@mail.example",
                subject,
                "The car park machines took my money twice on Tuesday. " + word,
                mail.getSmtp().getServerSetup());

        var api = new TestApi(port);
        JsonNode found = await().atMost(Duration.ofSeconds(120))
                .until(
                        () -> api.search("sam", "correct horse", TestApi.q(word)),
                        page -> page.path("total").asLong() == 1);
        JsonNode mention = found.path("mentions").get(0);
        assertThat(mention.path("channel").asText()).isEqualTo("email");
        String messageId = mention.path("externalId").asText();

        Page sam = browser.newSession();
        sam.navigate("http://localhost:" + port + "/conversation/"
                + mention.path("mentionId").asText());
        sam.waitForURL("**/login");
        sam.getByLabel("Username").fill("sam");
        sam.getByLabel("Password").first().fill("correct horse");
        sam.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Log in"))
                .click();
        sam.locator("#draft").waitFor();
        com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat(sam.locator("#reply-subject"))
                .hasText("Subject: Re: " + subject);
        sam.locator("#draft textarea")
                .fill("I am sorry the machine charged you twice. I have asked our car park team to refund you " + word);
        sam.locator("#send").click();
        com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat(sam.locator("#history"))
                .containsText(
                        "sent",
                        new com.microsoft.playwright.assertions.LocatorAssertions.ContainsTextOptions()
                                .setTimeout(60_000));
        sam.context().close();

        MimeMessage reply = await().atMost(Duration.ofSeconds(60))
                .until(
                        () -> Arrays.stream(mail.getReceivedMessages())
                                .filter(message ->
                                        GreenMailUtil.getBody(message).contains("refund you " + word))
                                .findFirst()
                                .orElse(null),
                        message -> message != null);
        // The channel adds its conversation token ("[ref:...]") so a reply without thread headers still threads.
        assertThat(reply.getSubject()).startsWith("Re: " + subject);
        assertThat(reply.getHeader("In-Reply-To")).containsExactly(messageId);
        assertThat(reply.getHeader("References")[0]).contains(messageId);
        assertThat(reply.getAllRecipients()[0].toString()).isEqualTo("patient-" + word + "@mail.example");
        assertThat(GreenMailUtil.getBody(reply)).contains("Sam Patel, Patient Experience Lead");
    }

    /** The desk's own embedded mail server (its class is the email channel's own, not public). */
    private GreenMail embeddedMailServer() throws Exception {
        Object server = context.getBean("embeddedMailServer");
        var field = server.getClass().getDeclaredField("greenMail");
        field.setAccessible(true);
        return (GreenMail) field.get(server);
    }
}
