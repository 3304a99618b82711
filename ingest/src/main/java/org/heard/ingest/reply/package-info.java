/**
 * Reply dispatch: reads the replies staff asked for, hands each to its channel's
 * {@link org.heard.ingest.channel.ReplySender}, and records what became of it
 * ({@code ReplySent} / {@code ReplyFailed}) so a failed send is never silently lost.
 */
package org.heard.ingest.reply;
