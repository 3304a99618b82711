package org.heard.desk;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.heard.contracts.Channel;
import org.heard.contracts.MentionId;
import org.heard.ingest.demo.DemoMentions;
import org.heard.mentions.MentionDocument;
import org.heard.mentions.MentionSearch;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

/**
 * {@code java -jar heard.jar demo} against the embedded default: the samples go over SMTP to the
 * embedded demo mailbox, the email channel reads them over IMAP, triage tags them, and every one is
 * in the index — once.
 */
@DeskApplicationTest
class DemoIT {

    @Autowired
    DemoMentions demo;

    @Autowired
    MentionSearch index;

    @Test
    void theDemoEmailsItsSamplesThroughTheEmbeddedMailboxAndEveryOneIsTriagedIntoTheIndex() throws Exception {
        List<MentionId> sent = demo.send();

        assertThat(sent).hasSizeGreaterThanOrEqualTo(30).doesNotHaveDuplicates();
        var ids = sent.stream().map(MentionId::value).toList();
        var deadline = Instant.now().plus(Duration.ofMinutes(3));
        List<MentionDocument> found = index.findAll(ids);
        while (found.size() < ids.size() || found.stream().anyMatch(mention -> mention.triagedAt() == null)) {
            assertThat(Instant.now())
                    .as("%d of %d demo mentions indexed and triaged", found.size(), ids.size())
                    .isBefore(deadline);
            TimeUnit.MILLISECONDS.sleep(500);
            found = index.findAll(ids);
        }
        assertThat(found).extracting(MentionDocument::channel).containsOnly(Channel.EMAIL);
        assertThat(found)
                .extracting(mention -> mention.author().displayName())
                .contains("Aisha Rahman", "Graham Birch");
        assertThat(found).allSatisfy(mention -> assertThat(mention.sentiment()).isNotNull());
        var published =
                found.stream().map(MentionDocument::publishedAt).sorted().toList();
        assertThat(Duration.between(published.getFirst(), published.getLast()))
                .as("spread over weeks, for Insight's trend")
                .isGreaterThan(Duration.ofDays(40));
    }
}
