package org.heard.desk.inbox;

import static org.assertj.core.api.Assertions.assertThat;

import co.elastic.clients.elasticsearch.ElasticsearchClient;
import java.io.IOException;
import java.time.Instant;
import java.util.Set;
import java.util.UUID;
import org.heard.contracts.Channel;
import org.heard.contracts.Sentiment;
import org.heard.contracts.Urgency;
import org.heard.desk.security.StaffRole;
import org.heard.mentions.MentionQuery;
import org.heard.mentions.MentionStatus;
import org.heard.platform.embedded.ElasticsearchClients;
import org.heard.platform.testing.TestElasticsearch;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** Saved views in the real test Elasticsearch node, as two desk instances (two clients) and a restarted one see them. */
class SavedViewsIT {

    static final Instant NOW = Instant.parse("2026-11-22T09:00:00Z");

    final String sam = "sam-" + UUID.randomUUID();
    final String priya = "priya-" + UUID.randomUUID();
    final String wendy = "wendy-" + UUID.randomUUID();
    ElasticsearchClient otherClient;
    SavedViews one;
    SavedViews two;

    @BeforeEach
    void twoInstances() {
        one = new SavedViews(TestElasticsearch.client());
        one.ensureExists();
        otherClient = ElasticsearchClients.create(
                TestElasticsearch.uri(), TestElasticsearch.username(), TestElasticsearch.password());
        two = new SavedViews(otherClient);
        two.ensureExists();
    }

    @AfterEach
    void closeClient() throws IOException {
        otherClient.close();
    }

    @Test
    void aViewSavedOnOneInstanceIsOnAnotherAtOnceAndAfterARestart() {
        var query = new MentionQuery(
                "pain relief",
                Set.of(Channel.TWITTER, Channel.EMAIL),
                Set.of("ward-7"),
                Set.of(Sentiment.Label.NEGATIVE),
                Set.of(Urgency.Level.HIGH),
                Set.of(MentionStatus.NEW),
                MentionQuery.UNASSIGNED,
                NOW.minusSeconds(86_400),
                NOW,
                null);

        String id = one.save(sam, "Ward 7 pain", query, null, NOW);

        assertThat(two.visibleTo(sam, Set.of(StaffRole.RESPONDER)))
                .singleElement()
                .satisfies(view -> {
                    assertThat(view.id()).isEqualTo(id);
                    assertThat(view.name()).isEqualTo("Ward 7 pain");
                    assertThat(view.query()).isEqualTo(query);
                    assertThat(view.owner()).isEqualTo(sam);
                    assertThat(view.sharedWith()).isNull();
                });
        var restarted = new SavedViews(TestElasticsearch.client());
        restarted.ensureExists();
        assertThat(restarted.visibleTo(sam, Set.of(StaffRole.RESPONDER)))
                .extracting(InboxViews.SavedView::id)
                .containsExactly(id);
    }

    @Test
    void aPersonalViewIsOnlyItsOwnersEvenForTheSameRole() {
        one.save(sam, "Mine", MentionQuery.everything(), null, NOW);

        assertThat(two.visibleTo(priya, Set.of(StaffRole.RESPONDER)))
                .extracting(InboxViews.SavedView::name)
                .doesNotContain("Mine");
    }

    @Test
    void aTeamViewIsSeenByEveryoneWithTheRoleAndNobodyElse() {
        String team = "Immediate on X " + UUID.randomUUID();
        one.save(sam, team, MentionQuery.everything(), StaffRole.RESPONDER, NOW);

        assertThat(two.visibleTo(priya, Set.of(StaffRole.RESPONDER)))
                .extracting(InboxViews.SavedView::name)
                .contains(team);
        assertThat(two.visibleTo(sam, Set.of(StaffRole.RESPONDER)))
                .extracting(InboxViews.SavedView::name)
                .contains(team);
        assertThat(two.visibleTo(wendy, Set.of(StaffRole.MANAGER)))
                .extracting(InboxViews.SavedView::name)
                .doesNotContain(team);
    }

    @Test
    void aManagersScopeIsNeverStoredWithTheView() {
        one.save(wendy, "Scoped", MentionQuery.everything().within(Set.of("ward-7")), null, NOW);

        assertThat(two.visibleTo(wendy, Set.of(StaffRole.MANAGER)))
                .singleElement()
                .satisfies(view -> assertThat(view.query().visibleServices()).isNull());
    }

    @Test
    void onlyTheOwnerRemovesAView() {
        String id = one.save(sam, "Shared", MentionQuery.everything(), StaffRole.RESPONDER, NOW);

        assertThat(two.remove(priya, id)).isFalse();
        assertThat(two.visibleTo(priya, Set.of(StaffRole.RESPONDER)))
                .extracting(InboxViews.SavedView::id)
                .contains(id);

        assertThat(two.remove(sam, id)).isTrue();
        assertThat(one.visibleTo(priya, Set.of(StaffRole.RESPONDER)))
                .extracting(InboxViews.SavedView::id)
                .doesNotContain(id);
    }

    @Test
    void viewsComeOldestFirst() {
        one.save(sam, "second", MentionQuery.everything(), null, NOW.plusSeconds(60));
        one.save(sam, "first", MentionQuery.everything(), null, NOW);

        assertThat(two.visibleTo(sam, Set.of()))
                .extracting(InboxViews.SavedView::name)
                .containsExactly("first", "second");
    }
}
