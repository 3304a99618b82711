package org.heard.ingest.email;

import org.heard.contracts.MentionReceived;

/** What an email turned out to be. Unreadable mail is a value too: it goes to the dead letters. */
sealed interface Reading {

    /** A message for the desk, with what a reply will need to join its thread. */
    record Mention(MentionReceived mention, ThreadHeaders headers) implements Reading {}

    /** One of our own replies (a copy, a BCC, a loop back): never taken in again. */
    record OurOwn(String messageId) implements Reading {}

    /** Could not be read; {@code reason} is for the admin who looks at the dead letters. */
    record Unreadable(String reason) implements Reading {}
}
