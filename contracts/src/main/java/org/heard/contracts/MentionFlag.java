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
    TRUNCATED,
    /**
     * A part of the message could not be read (a broken encoding, an unknown charset, a part too big):
     * the readable text is shown, the part is not; the attributes say which part and why.
     */
    PART_UNREADABLE,
    /** An email whose replies go to a Reply-To address other than its sender's: the desk shows where a reply goes. */
    REPLY_TO_DIFFERS,
    /**
     * An email whose sender's address the receiving server did not verify (no SPF, DKIM or DMARC pass in
     * its Authentication-Results): it may not be from who it says.
     */
    SENDER_NOT_AUTHENTICATED,
    /**
     * An email that answers a conversation another sender started: kept as a conversation of its own, so
     * nobody reads their way into another patient's thread.
     */
    THREAD_OF_ANOTHER_SENDER
}
