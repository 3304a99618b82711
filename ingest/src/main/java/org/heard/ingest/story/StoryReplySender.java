package org.heard.ingest.story;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Optional;
import org.heard.contracts.Channel;
import org.heard.contracts.ReplyRequested;
import org.heard.ingest.channel.ReplySender;
import org.heard.ingest.channel.SendResult;
import org.heard.platform.checkpoint.CheckpointStore;

/**
 * "Sends" a reply on a site that has no API to post. The draft, already reviewed in the desk, is
 * stored as awaiting publication, and the desk is given the story's respond page to paste it into.
 * {@link StoryResponseReconciler} reports the real outcome once the response shows on the site.
 * Sending the same reply again answers as the first time did: the reply id is the idempotency key.
 */
final class StoryReplySender implements ReplySender {

    private static final Duration STORE_RETRY = Duration.ofMinutes(1);

    private final StorySettings settings;
    private final CheckpointStore checkpoints;
    private final AwaitingReplies awaiting;
    private final Clock clock;

    StoryReplySender(StorySettings settings, CheckpointStore checkpoints, AwaitingReplies awaiting, Clock clock) {
        this.settings = settings;
        this.checkpoints = checkpoints;
        this.awaiting = awaiting;
        this.clock = clock;
    }

    @Override
    public Channel channel() {
        return Channel.STORY;
    }

    @Override
    public SendResult send(ReplyRequested reply) {
        if (reply.channel() != Channel.STORY) {
            return new SendResult.Rejected(
                    "not a Care Opinion reply (" + reply.channel().wire() + ")");
        }
        if (reply.privately()) {
            return new SendResult.Rejected("Care Opinion has no private replies: a response is public under the story");
        }
        try {
            Optional<PendingResponse> earlier = awaiting.find(reply.replyId());
            if (earlier.isPresent()) {
                return resultOf(earlier.get());
            }
            Optional<StoryRef> story = checkpoints
                    .read(StoryKeys.mention(settings.subscription(), reply.mentionId()))
                    .map(StoryRef::parse);
            if (story.isEmpty()) {
                return new SendResult.Rejected("mention " + reply.mentionId()
                        + " is not a Care Opinion story this connector took in, so there is no respond page for it");
            }
            Instant now = clock.instant();
            PendingResponse draft = new PendingResponse(
                    reply.replyId(),
                    reply.mentionId(),
                    reply.conversationId(),
                    story.get().opinionId(),
                    reply.text(),
                    story.get().respondUrl(),
                    now,
                    now.plus(settings.reconcileTimeout()),
                    PendingResponse.State.AWAITING,
                    null,
                    null);
            awaiting.add(draft);
            return resultOf(draft);
        } catch (RuntimeException e) {
            // The checkpoint store is down: nothing was promised to the desk yet, so it may try again.
            return new SendResult.RetryLater(
                    STORE_RETRY, "cannot record the draft for Care Opinion: " + e.getMessage());
        }
    }

    private static SendResult resultOf(PendingResponse draft) {
        return switch (draft.state()) {
            case AWAITING -> new SendResult.AwaitingPublication(draft.respondUrl(), draft.deadline());
            case PUBLISHED -> new SendResult.Sent(draft.outcome(), draft.outcomeAt());
            case FAILED -> new SendResult.Rejected(draft.outcome());
        };
    }
}
