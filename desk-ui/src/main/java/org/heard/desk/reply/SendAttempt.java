package org.heard.desk.reply;

import java.util.List;
import org.heard.contracts.ReplyId;

/** What became of a press of "Send". */
public sealed interface SendAttempt {

    /**
     * Handed to the channel (published as ReplyRequested); delivery is reported later.
     *
     * @param text the reply as sent, signature included (on the story site, what staff paste)
     */
    record Requested(ReplyId replyId, String text, List<DraftWarning> warningsOverridden) implements SendAttempt {}

    /**
     * Handed towards the channel, but Kafka did not confirm it in time: the reply may still go out.
     * The key of an API call that asked for it stays taken; sending the same draft again reuses
     * {@code replyId}, which the channel sends at most once.
     */
    record Unknown(ReplyId replyId, String reason) implements SendAttempt {}

    /** Recorded as answered by letter or phone: there is nothing for a connector to send. */
    record RecordedOffline(ReplyId replyId) implements SendAttempt {}

    /** There are warnings the responder has not seen yet: show them, then send again deliberately. */
    record NeedsConfirmation(List<DraftWarning> warnings) implements SendAttempt {}

    /** Not sent and cannot be as it is (a hard channel limit, an empty draft, a refusal by Kafka). */
    record Blocked(String reason) implements SendAttempt {}

    /** No such mention, or not one this person may answer. */
    record NotFound(String mentionId) implements SendAttempt {}
}
