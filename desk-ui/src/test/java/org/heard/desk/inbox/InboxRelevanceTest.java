package org.heard.desk.inbox;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.util.List;
import java.util.Set;
import org.heard.contracts.Channel;
import org.heard.contracts.ConversationId;
import org.heard.contracts.MentionId;
import org.heard.contracts.MentionTriaged;
import org.heard.contracts.Sentiment;
import org.heard.contracts.ServiceTag;
import org.heard.contracts.Urgency;
import org.heard.mentions.MentionQuery;
import org.heard.mentions.MentionStatus;
import org.junit.jupiter.api.Test;

class InboxRelevanceTest {

    private static final MentionTriaged WARD_7_IMMEDIATE =
            triaged("ward-7", Channel.EMAIL, Sentiment.Label.NEGATIVE, Urgency.Level.IMMEDIATE);

    @Test
    void aMentionOutsideAManagersScopeChangesNothingSheSees() {
        var maternity = MentionQuery.everything().within(Set.of("maternity"));

        assertThat(InboxRelevance.affects(maternity, WARD_7_IMMEDIATE)).isFalse();
        assertThat(InboxRelevance.affects(
                        MentionQuery.everything().within(Set.of("ward-7", "ward-7-bay-a")), WARD_7_IMMEDIATE))
                .isTrue();
    }

    @Test
    void everyFilterTheAnnouncementCarriesIsChecked() {
        assertThat(InboxRelevance.affects(query(Set.of(Channel.TWITTER), null, null, null), WARD_7_IMMEDIATE))
                .isFalse();
        assertThat(InboxRelevance.affects(query(null, Set.of("maternity"), null, null), WARD_7_IMMEDIATE))
                .isFalse();
        assertThat(InboxRelevance.affects(query(null, null, Set.of(Sentiment.Label.POSITIVE), null), WARD_7_IMMEDIATE))
                .isFalse();
        assertThat(InboxRelevance.affects(query(null, null, null, Set.of(Urgency.Level.NORMAL)), WARD_7_IMMEDIATE))
                .isFalse();
        assertThat(InboxRelevance.affects(
                        query(
                                Set.of(Channel.EMAIL),
                                Set.of("ward-7"),
                                Set.of(Sentiment.Label.NEGATIVE),
                                Set.of(Urgency.Level.IMMEDIATE)),
                        WARD_7_IMMEDIATE))
                .isTrue();
    }

    @Test
    void whatTheAnnouncementDoesNotCarryIsTakenToMatch() {
        var wordsStatusAssignee = new MentionQuery(
                "trolley",
                null,
                null,
                null,
                null,
                Set.of(MentionStatus.CLOSED),
                "sam",
                Instant.parse("2020-01-01T00:00:00Z"),
                null,
                null);

        assertThat(InboxRelevance.affects(wordsStatusAssignee, WARD_7_IMMEDIATE))
                .isTrue();
    }

    @Test
    void aViewIsAffectedWhenItsListOrAnyTabsCountIs() {
        var maternity = query(null, Set.of("maternity"), null, null);
        var immediate = query(null, null, null, Set.of(Urgency.Level.IMMEDIATE));

        assertThat(InboxRelevance.affectsAny(List.of(maternity), WARD_7_IMMEDIATE))
                .isFalse();
        assertThat(InboxRelevance.affectsAny(List.of(maternity, immediate), WARD_7_IMMEDIATE))
                .isTrue();
    }

    private static MentionQuery query(
            Set<Channel> channels,
            Set<String> services,
            Set<Sentiment.Label> sentiments,
            Set<Urgency.Level> urgencies) {
        return new MentionQuery(null, channels, services, sentiments, urgencies, null, null, null, null, null);
    }

    private static MentionTriaged triaged(
            String service, Channel channel, Sentiment.Label sentiment, Urgency.Level urgency) {
        var id = MentionId.of(channel, "x-1");
        return new MentionTriaged(
                id,
                ConversationId.startedBy(channel, "x-1"),
                channel,
                new Sentiment(sentiment, 0, List.of()),
                List.of(new ServiceTag(service, 0.9, List.of())),
                new Urgency(urgency, List.of()),
                List.of(),
                "test",
                Instant.now());
    }
}
