package org.heard.desk.inbox;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.util.Set;
import org.heard.contracts.Channel;
import org.heard.contracts.Urgency;
import org.heard.mentions.MentionQuery;
import org.heard.mentions.MentionStatus;
import org.junit.jupiter.api.Test;

class InboxViewsTest {

    @Test
    void aFilterReplacesTheViewsValueForItsFieldAndKeepsTheRest() {
        var immediate = new MentionQuery(
                null, null, null, null, Set.of(Urgency.Level.IMMEDIATE), InboxViews.OPEN, null, null, null, null);
        var bar = new MentionQuery(
                "parking", Set.of(Channel.EMAIL), null, null, null, Set.of(MentionStatus.NEW), null, null, null, null);

        var refined = InboxViews.refine(immediate, bar);

        assertThat(refined.words()).isEqualTo("parking");
        assertThat(refined.channels()).containsExactly(Channel.EMAIL);
        assertThat(refined.urgencies()).containsExactly(Urgency.Level.IMMEDIATE);
        assertThat(refined.statuses()).containsExactly(MentionStatus.NEW);
    }

    @Test
    void theEarlierUpperDateBoundWins() {
        var unanswered = new MentionQuery(
                null, null, null, null, null, null, null, null, Instant.parse("2026-11-20T00:00:00Z"), null);
        var later = new MentionQuery(
                null, null, null, null, null, null, null, null, Instant.parse("2026-11-21T00:00:00Z"), null);
        var earlier = new MentionQuery(
                null, null, null, null, null, null, null, null, Instant.parse("2026-11-01T00:00:00Z"), null);

        assertThat(InboxViews.refine(unanswered, later).publishedBefore()).isEqualTo("2026-11-20T00:00:00Z");
        assertThat(InboxViews.refine(unanswered, earlier).publishedBefore()).isEqualTo("2026-11-01T00:00:00Z");
    }

    @Test
    void aRefinedQueryNeverCarriesAScopeTheServerDidNotSet() {
        var view = MentionQuery.everything().within(Set.of("ward-7"));

        assertThat(InboxViews.refine(view, MentionQuery.everything()).visibleServices())
                .isNull();
    }
}
