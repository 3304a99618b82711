package org.heard.contracts;

/** What became of a requested reply: sent once, or visibly failed. */
public sealed interface ReplyOutcome extends DeskEvent permits ReplySent, ReplyFailed {

    ReplyId replyId();

    Channel channel();
}
