package org.heard.ingest.email;

import java.util.Collection;

/**
 * Copies of accepted mail kept outside the mailbox until the intake has taken it in: the embedded
 * server's {@link MailSpool}. The intake says which messages it marked (taken in or dead-lettered
 * for good), named as the copies name them.
 */
interface AcceptedMail {

    /** A mailbox whose mail nobody keeps a copy of: a real mail server's. */
    AcceptedMail NONE = new AcceptedMail() {
        @Override
        public String idIn(byte[] raw) {
            return null;
        }

        @Override
        public void takenIn(Collection<String> ids) {}
    };

    /** The copy's id in a message's raw bytes; null when it has none. */
    String idIn(byte[] raw);

    void takenIn(Collection<String> ids);
}
