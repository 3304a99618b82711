package org.heard.ingest.email;

/**
 * Word from the mail server itself that mail has arrived in a mailbox, where the server gives it:
 * the embedded one does, from inside (a real server's mailbox is watched with IMAP IDLE or
 * polling instead). The word only makes the intake look sooner; the intake still finds the mail by
 * searching the mailbox, so word that is lost or comes twice loses or doubles nothing.
 */
interface MailArrivals {

    /** A mailbox whose server says nothing: it is looked at every poll interval (or watched with IDLE). */
    MailArrivals UNTOLD = listener -> () -> {};

    /**
     * Calls {@code listener} whenever mail arrives, until the returned handle runs. The listener runs
     * on the server's thread that took the mail, so it must return at once.
     */
    Runnable whenArrived(Runnable listener);
}
