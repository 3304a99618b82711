package org.heard.desk;

import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import org.heard.contracts.Author;
import org.heard.contracts.Channel;
import org.heard.contracts.MentionReceived;

/** Mentions for tests, each with a word of its own so a search finds exactly it. */
final class TestMentions {

    private TestMentions() {}

    static String uniqueWord() {
        return "w" + UUID.randomUUID().toString().replace("-", "").substring(0, 12);
    }

    static MentionReceived tweet(String externalId, String text, Instant at) {
        return new MentionReceived(
                null,
                Channel.TWITTER,
                "@HeardTrust",
                externalId,
                null,
                null,
                new Author("1001", "@patient", "A Patient"),
                null,
                text,
                at,
                at,
                List.of("emergency-department"),
                Set.of(),
                Map.of());
    }

    static MentionReceived tweetAbout(String service, String externalId, String text, Instant at) {
        return new MentionReceived(
                null,
                Channel.TWITTER,
                "@HeardTrust",
                externalId,
                null,
                null,
                new Author("1002", "@margaret", "Margaret Hughes"),
                null,
                text,
                at,
                at,
                List.of(service),
                Set.of(),
                Map.of());
    }

    static MentionReceived email(String messageId, String subject, String text) {
        var at = Instant.now();
        return new MentionReceived(
                null,
                Channel.EMAIL,
                "feedback@trust.nhs.uk",
                "<" + messageId + ">",
                null,
                null,
                new Author("patient@mail.example", null, "Pat Example"),
                subject,
                text,
                at,
                at,
                List.of("ward-7"),
                Set.of(),
                Map.of());
    }

    static MentionReceived story(String storyId, String title, String text, String respondUrl) {
        var at = Instant.now();
        return new MentionReceived(
                null,
                Channel.STORY,
                "careopinion",
                storyId,
                null,
                null,
                new Author(null, null, "Grateful daughter"),
                title,
                text,
                at,
                at,
                List.of("ward-7"),
                Set.of(),
                Map.of("respondUrl", respondUrl, "criticality", "mildly critical"));
    }

    static MentionReceived reply(MentionReceived to, String externalId, String text) {
        return new MentionReceived(
                null,
                to.channel(),
                to.account(),
                externalId,
                to.conversationId(),
                to.externalId(),
                to.author(),
                null,
                text,
                Instant.now(),
                Instant.now(),
                to.serviceHints(),
                Set.of(),
                Map.of());
    }
}
