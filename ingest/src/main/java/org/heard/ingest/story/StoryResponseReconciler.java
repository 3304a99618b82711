package org.heard.ingest.story;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.heard.contracts.Channel;
import org.heard.contracts.ConversationId;
import org.heard.contracts.MentionId;
import org.heard.contracts.ReplyFailed;
import org.heard.contracts.ReplyId;
import org.heard.contracts.ReplySent;
import org.heard.contracts.Topics;
import org.heard.ingest.channel.ChannelState;
import org.heard.platform.checkpoint.CheckpointStore;
import org.heard.platform.events.EventPublisher;
import tools.jackson.databind.JsonNode;

/**
 * Reads every response published on the site (the responses feed, oldest first, checkpointed by
 * offset) and settles the drafts awaiting publication: a response under the same story, published
 * after the draft was requested and alike enough to it, is that draft ({@link ReplySent} with the
 * response id and time). A draft not seen within {@code reconcile-timeout} is reported as
 * {@link ReplyFailed}. A response that matches no draft was written on the website directly; it is
 * put in its conversation too (see {@link #publishWebsiteResponse}).
 */
final class StoryResponseReconciler {

    /** Clocks differ and staff may publish as the desk records the draft. */
    private static final Duration CLOCK_SLACK = Duration.ofMinutes(5);

    private final StorySettings settings;
    private final StorySiteClient site;
    private final CheckpointStore checkpoints;
    private final AwaitingReplies awaiting;
    private final EventPublisher publisher;
    private final DeadLetters deadLetters;
    private final StoryHealth health;
    private final Clock clock;
    private final String checkpointKey;
    /** The last unreadable page dead-lettered, so a page that stays broken is not dead-lettered every poll. */
    private String lastUnreadablePage;

    StoryResponseReconciler(
            StorySettings settings,
            StorySiteClient site,
            CheckpointStore checkpoints,
            AwaitingReplies awaiting,
            EventPublisher publisher,
            DeadLetters deadLetters,
            StoryHealth health,
            Clock clock) {
        this.settings = settings;
        this.site = site;
        this.checkpoints = checkpoints;
        this.awaiting = awaiting;
        this.publisher = publisher;
        this.deadLetters = deadLetters;
        this.health = health;
        this.clock = clock;
        this.checkpointKey = StoryKeys.responses(settings.subscription());
    }

    /** What one pass did. */
    record Run(int matched, int fromWebsite, int timedOut, Optional<String> problem) {}

    /** Reads new responses, then fails the drafts whose time is up (a late match still wins first). */
    Run poll() {
        Counts counts = new Counts();
        Optional<Problem> problem;
        try {
            problem = readResponses(counts);
            expire(counts);
        } catch (RuntimeException e) {
            problem = Optional.of(new Problem(ChannelState.FAILING, "reconciling responses failed: " + e.getMessage()));
        }
        problem.ifPresentOrElse(
                found -> health.outboundFailed(found.state(), found.detail()), health::outboundSucceeded);
        return new Run(counts.matched, counts.fromWebsite, counts.timedOut, problem.map(Problem::detail));
    }

    private record Problem(ChannelState state, String detail) {}

    private Optional<Problem> readResponses(Counts counts) {
        int skip = checkpoints.read(checkpointKey).map(Integer::parseInt).orElse(0);
        while (true) {
            Map<String, String> query = new LinkedHashMap<>();
            query.put("skip", Integer.toString(skip));
            query.put("take", Integer.toString(settings.pageSize()));
            SiteReply reply = site.get("responses", query);
            List<JsonNode> items;
            switch (reply) {
                case SiteReply.Json(JsonNode body, String raw) -> {
                    if (!(StorySiteJson.items(body)
                            instanceof StorySiteJson.Read.Ok<List<JsonNode>>(List<JsonNode> read))) {
                        deadLetterPage("the responses page is not a JSON array", raw, skip);
                        return Optional.of(new Problem(
                                ChannelState.FAILING,
                                "the responses page at skip " + skip + " is not a JSON array (dead-lettered)"));
                    }
                    items = read;
                }
                case SiteReply.AuthFailed(String detail) -> {
                    return Optional.of(new Problem(ChannelState.AUTH_FAILED, detail));
                }
                case SiteReply.RateLimited(Instant until, String detail) -> {
                    return Optional.of(new Problem(ChannelState.RATE_LIMITED, detail));
                }
                case SiteReply.Unreadable(String reason, String raw) -> {
                    deadLetterPage(reason, raw, skip);
                    return Optional.of(
                            new Problem(ChannelState.FAILING, reason + " (dead-lettered; retrying on the next poll)"));
                }
                case SiteReply.NotFound(String detail) -> {
                    return Optional.of(
                            new Problem(ChannelState.FAILING, "Care Opinion has no responses list here: " + detail));
                }
                case SiteReply.Unavailable(String reason) -> {
                    return Optional.of(new Problem(ChannelState.FAILING, "Care Opinion unavailable: " + reason));
                }
            }
            if (items.isEmpty()) {
                return Optional.empty();
            }
            List<PendingResponse> drafts = awaiting.awaited();
            for (int index = 0; index < items.size(); index++) {
                JsonNode item = items.get(index);
                switch (StorySiteJson.response(item)) {
                    case StorySiteJson.Read.Bad<StoryResponse>(String reason) ->
                        deadLetters
                                .put(reason, item.toString(), Map.of("offset", Integer.toString(skip + index)))
                                .join();
                    case StorySiteJson.Read.Ok<StoryResponse>(StoryResponse response) ->
                        settle(response, drafts, counts);
                }
                // Each response is acknowledged before the next; the offset is saved per page.
            }
            skip += items.size();
            checkpoints.write(checkpointKey, Integer.toString(skip));
        }
    }

    private void deadLetterPage(String reason, String raw, int skip) {
        if (!raw.equals(lastUnreadablePage)) {
            deadLetters.put(reason, raw, Map.of("skip", Integer.toString(skip))).join();
            lastUnreadablePage = raw;
        }
    }

    private void settle(StoryResponse response, List<PendingResponse> drafts, Counts counts) {
        Optional<PendingResponse> match = drafts.stream()
                .filter(draft -> draft.opinionId().equals(response.opinionId()))
                .filter(draft ->
                        !response.publishedAt().isBefore(draft.requestedAt().minus(CLOCK_SLACK)))
                .filter(draft -> ResponseText.similarity(draft.text(), response.body()) >= settings.matchThreshold())
                .max(Comparator.comparingDouble(draft -> ResponseText.similarity(draft.text(), response.body())));
        if (match.isEmpty()) {
            publishWebsiteResponse(response);
            counts.fromWebsite++;
            return;
        }
        PendingResponse draft = match.get();
        publisher
                .publish(
                        Topics.REPLY_OUTCOMES,
                        new ReplySent(
                                draft.replyId(),
                                draft.mentionId(),
                                draft.conversationId(),
                                Channel.STORY,
                                response.id(),
                                response.publishedAt()))
                .join();
        awaiting.settle(draft.published(response.id(), response.publishedAt()));
        drafts.remove(draft);
        counts.matched++;
    }

    /**
     * A response staff wrote on the website, not through the desk. Until the contracts have a record
     * for it (proposed: {@code ResponsePublishedElsewhere} with responder, text and time), it goes
     * into its story's conversation as a {@link ReplySent} with a reply id derived from the response
     * id: the desk shows that the story was answered and when, and the id keeps our own responses
     * from ever being taken in as mentions.
     */
    private void publishWebsiteResponse(StoryResponse response) {
        publisher
                .publish(
                        Topics.REPLY_OUTCOMES,
                        new ReplySent(
                                new ReplyId("story-response-" + response.id()),
                                MentionId.of(Channel.STORY, response.opinionId()),
                                ConversationId.startedBy(Channel.STORY, response.opinionId()),
                                Channel.STORY,
                                response.id(),
                                response.publishedAt()))
                .join();
    }

    private void expire(Counts counts) {
        Instant now = clock.instant();
        for (PendingResponse draft : awaiting.awaited()) {
            if (now.isAfter(draft.deadline())) {
                String reason = "not published on Care Opinion within " + hours(settings.reconcileTimeout())
                        + " (respond page: " + draft.respondUrl() + ")";
                publisher
                        .publish(
                                Topics.REPLY_OUTCOMES,
                                new ReplyFailed(
                                        draft.replyId(),
                                        draft.mentionId(),
                                        draft.conversationId(),
                                        Channel.STORY,
                                        reason,
                                        false,
                                        now))
                        .join();
                awaiting.settle(draft.failed(reason, now));
                counts.timedOut++;
            }
        }
    }

    private static String hours(Duration timeout) {
        long hours = timeout.toHours();
        return hours >= 1 && timeout.equals(Duration.ofHours(hours))
                ? hours + (hours == 1 ? " hour" : " hours")
                : timeout.toMinutes() + " minutes";
    }

    private static final class Counts {
        int matched;
        int fromWebsite;
        int timedOut;
    }
}
