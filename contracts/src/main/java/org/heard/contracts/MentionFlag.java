package org.heard.contracts;

/** Facts about a mention that change how the desk treats it; none of them hides it. */
public enum MentionFlag {
    /** An out-of-office or other automatic answer: recorded, never answered automatically. */
    AUTO_REPLY,
    /** Bulk or list mail. */
    BULK,
    /** A bounce or delivery status notification. */
    BOUNCE,
    /** A private message (DM): answered privately. */
    DIRECT_MESSAGE,
    /** A repost of someone else's post: a signal, not a new case. */
    REPOST,
    /** The body was cut to the size limit; the full original is kept with the dead letters or the raw store. */
    TRUNCATED
}
