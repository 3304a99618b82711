package org.heard.ingest.email;

import java.util.List;

/**
 * What a reply needs to join a patient's thread: their Message-ID, the References chain, the
 * subject and the address to answer. Kept per mention when the email is taken in.
 */
record ThreadHeaders(String messageId, List<String> references, String subject, String replyTo, String mailbox) {

    ThreadHeaders {
        references = references == null ? List.of() : List.copyOf(references);
    }
}
