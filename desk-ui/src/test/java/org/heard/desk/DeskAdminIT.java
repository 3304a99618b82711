package org.heard.desk;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.microsoft.playwright.Page;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import org.heard.contracts.Author;
import org.heard.contracts.Channel;
import org.heard.contracts.DeadLettered;
import org.heard.contracts.DeskJson;
import org.heard.contracts.MentionReceived;
import org.heard.contracts.MentionTriaged;
import org.heard.contracts.Sentiment;
import org.heard.contracts.ServiceTag;
import org.heard.contracts.Topics;
import org.heard.contracts.Urgency;
import org.heard.mentions.MentionDocument;
import org.heard.mentions.MentionStatus;
import org.heard.mentions.StaffWrites;
import org.heard.mentions.TagWriter;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

/**
 * The admin pages in a real browser against the running desk (real Kafka, Elasticsearch, CoreNLP):
 * dead letters retried back to triage or to the email reader, a re-triage over a date range that
 * keeps staff work, the staff list without hashes; and none of it for anyone but an admin.
 */
@DeskApplicationTest
class DeskAdminIT extends BrowserDeskTest {

    @Autowired
    TagWriter writer;

    @Autowired
    StaffWrites staff;

    @Test
    void staffWhoAreNotAdminsCannotOpenTheAdminPages() {
        Page sam = login("sam", "correct horse");
        for (String page : List.of("/admin/dead-letters", "/admin/retriage", "/admin/users")) {
            sam.navigate(url(page));
            sam.getByText("Could not navigate", new Page.GetByTextOptions().setExact(false))
                    .first()
                    .waitFor();
            assertThat(sam.locator("#dead-letter-grid, #retriage-start, #users-grid")
                            .count())
                    .isZero();
        }
        sam.context().close();
    }

    @Test
    void anAdminReadsADeadLetterAsTextAndRetriesItBackToTriage() throws Exception {
        String word = TestMentions.uniqueWord();
        var mention = TestMentions.tweetAbout(
                "ward-7", "dl-" + word, "<img src=x onerror=alert(1)> Ward 7 " + word, Instant.now());
        publisher
                .publish(
                        Topics.DEAD_LETTERS,
                        DeadLettered.ofText(
                                "triage-" + mention.mentionId(),
                                "triage",
                                "Elasticsearch refused the mention: mapper_parsing_exception " + word,
                                new String(DeskJson.write(mention), StandardCharsets.UTF_8),
                                Map.of("mentionId", mention.mentionId().value()),
                                Instant.now()))
                .get(30, TimeUnit.SECONDS);
        awaitShelved("triage-" + mention.mentionId());

        Page alex = login("alex", "admin pass");
        alex.navigate(url("/admin/dead-letters?words=" + word));
        waitForExactText(alex.locator("#dead-letter-total"), "1 dead letter");
        alex.getByText("mapper_parsing_exception " + word).click();
        waitForText(alex.locator("#dead-letter-payload"), "<img src=x onerror=alert(1)> Ward 7 " + word);
        assertThat(alex.locator("#dead-letter-details img").count()).isZero();
        waitForText(alex.locator("#dead-letter-plan"), Topics.MENTIONS.name());
        alex.locator("#dead-letter-retry").click();

        waitForText(alex.locator("#dead-letter-state"), "Retried by alex");
        await().atMost(Duration.ofSeconds(60))
                .until(() -> index.find(mention.mentionId().value()).isPresent());
        alex.context().close();
    }

    @Test
    void anEmailThatCouldNotBeReadIsReadAgainByTheEmailReader() throws Exception {
        String word = TestMentions.uniqueWord();
        String raw = "From: Pat <pat-" + word + "@mail.example>\r\nTo: feedback@heard.localhost\r\nSubject: Ward 7 "
                + word
                + "\r\nMessage-ID: <" + word + "@mail.example>\r\nDate: Sun, 22 Nov 2026 09:00:00 +0000\r\n"
                + "Content-Type: text/plain; charset=UTF-8\r\n\r\nThe nurses on ward 7 were kind " + word + "\r\n";
        publisher
                .publish(
                        Topics.DEAD_LETTERS,
                        DeadLettered.ofBytes(
                                "email-" + word,
                                "email:feedback@heard.localhost",
                                "malformed MIME: reader bug " + word,
                                raw.getBytes(StandardCharsets.UTF_8),
                                Map.of("folder", "INBOX", "uid", "7"),
                                Instant.now()))
                .get(30, TimeUnit.SECONDS);
        awaitShelved("email-" + word);

        Page alex = login("alex", "admin pass");
        alex.navigate(url("/admin/dead-letters?words=" + word));
        waitForExactText(alex.locator("#dead-letter-total"), "1 dead letter");
        alex.getByText("reader bug " + word).click();
        waitForText(alex.locator("#dead-letter-payload"), "The nurses on ward 7 were kind " + word);
        alex.locator("#dead-letter-retry").click();

        waitForText(alex.locator("#dead-letter-state"), "Sent to the email channel to be read again");
        await().atMost(Duration.ofSeconds(60))
                .until(() -> index.search(word, 0, 5).total() == 1);
        alex.context().close();
    }

    @Test
    void aRetriageOfADateRangeRetagsItWhileStatusAssigneeAndCorrectedTagsStay() throws Exception {
        String word = TestMentions.uniqueWord();
        Instant day = Instant.parse("2003-03-01T12:00:00Z");
        var taken = old("rt1-" + word, "The night staff on ward 7 were wonderful " + word, day);
        var corrected = old("rt2-" + word, "Ward 7 discharged my dad far too late " + word, day.plusSeconds(60));
        staff.updateStatus(taken.mentionId().value(), MentionStatus.IN_PROGRESS, "sam", Instant.now());
        staff.correct(
                corrected.mentionId().value(),
                Map.of(
                        "services",
                        List.of(Map.of(
                                "serviceId",
                                "stroke-unit",
                                "confidence",
                                1.0,
                                "evidence",
                                List.of("corrected by sam")))));

        Page alex = login("alex", "admin pass");
        alex.navigate(url("/admin/retriage"));
        alex.locator("#retriage-from input").fill("3/1/2003");
        alex.locator("#retriage-from input").press("Enter");
        alex.locator("#retriage-to input").fill("3/1/2003");
        alex.locator("#retriage-to input").press("Enter");
        alex.locator("#retriage-start").click();

        waitForText(alex.locator("#retriage-history"), "2 / 2");
        waitForText(alex.locator("#retriage-history"), "done");
        var stillTaken = index.find(taken.mentionId().value()).orElseThrow();
        assertThat(stillTaken.services()).extracting(ServiceTag::serviceId).contains("ward-7");
        assertThat(stillTaken.model()).isNotEqualTo("old-model");
        assertThat(stillTaken.status()).isEqualTo(MentionStatus.IN_PROGRESS);
        assertThat(stillTaken.assignee()).isEqualTo("sam");
        var stillCorrected = index.find(corrected.mentionId().value()).orElseThrow();
        assertThat(stillCorrected.services()).extracting(ServiceTag::serviceId).containsExactly("stroke-unit");
        assertThat(stillCorrected.model()).isNotEqualTo("old-model");
        alex.context().close();
    }

    @Test
    void anAdminSeesWhoMayLogInWithRolesAndScopeButNoPasswordHashes() {
        Page alex = login("alex", "admin pass");
        alex.navigate(url("/admin/users"));
        var grid = alex.locator("#users-grid");
        waitForText(grid, "Sam Patel");
        waitForText(grid, "RESPONDER");
        waitForText(grid, "Ward 7 (ward-7), Ward 7 bay A (ward-7-bay-a)");
        waitForText(grid, "Alex Admin");
        waitForText(alex.locator("#users-sign-in"), "OIDC is not in use");
        waitForText(alex.locator("#users-where"), "heard.security.users");
        String content = alex.content();
        assertThat(content)
                .doesNotContain("{noop}")
                .doesNotContain("correct horse")
                .doesNotContain("ward seven");
        alex.context().close();
    }

    /** The desk's dead-letter consumer has kept it (it reads the topic on its own). */
    private static void awaitShelved(String id) {
        await().atMost(Duration.ofSeconds(60))
                .until(() -> org.heard.platform.testing.TestElasticsearch.client()
                        .exists(exists -> exists.index("heard-dead-letters").id(id))
                        .value());
    }

    /** A mention indexed long ago by an older model that knew no services. */
    private MentionReceived old(String externalId, String text, Instant at) {
        var mention = new MentionReceived(
                null,
                Channel.TWITTER,
                "@trust",
                externalId,
                null,
                null,
                new Author("1", "pat", "Pat"),
                null,
                text,
                at,
                at,
                List.of(),
                Set.of(),
                Map.of());
        var tags = new MentionTriaged(
                mention.mentionId(),
                mention.conversationId(),
                mention.channel(),
                new Sentiment(Sentiment.Label.NEUTRAL, 0, List.of()),
                List.of(),
                Urgency.normal(),
                List.of(),
                "old-model",
                at);
        assertThat(writer.upsertAll(List.of(MentionDocument.of(mention, tags)))).isEmpty();
        return mention;
    }
}
