package org.heard.ingest.email;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.heard.contracts.Channel;
import org.heard.contracts.ConversationId;

/**
 * Decides, with what the {@link MailIndex} remembers, which mention and which conversation an email
 * is: its external id (the Message-ID, so a re-read is the same mention), whether it is one of our
 * own replies, and the conversation it joins.
 *
 * <p>A conversation belongs to the sender who started it. An email from anyone else never joins
 * it, whatever its In-Reply-To, References, subject token or reused Message-ID say: it starts a
 * conversation of its own, flagged, so nobody writes their way into another patient's thread.
 */
final class EmailThreading {

    private final MailIndex index;

    EmailThreading(MailIndex index) {
        this.index = index;
    }

    boolean isOurs(String messageId) {
        return messageId != null && index.isOurs(messageId);
    }

    /**
     * The Message-ID is the external id, so a re-read gives the same mention. A message without one
     * gets an id from its content; a different message reusing a Message-ID we already took in
     * (broken clients, or someone imitating another's mail) gets the Message-ID plus its own content
     * hash, so it neither replaces nor merges with the first.
     */
    String externalIdOf(String messageId, String fingerprint) {
        if (messageId == null) {
            return "<" + fingerprint.substring(0, 32) + "@no-message-id.heard>";
        }
        Optional<String> known = index.fingerprintOf(messageId);
        if (known.isEmpty()) {
            index.rememberFingerprint(messageId, fingerprint);
            return messageId;
        }
        return known.get().equals(fingerprint) ? messageId : messageId + "#" + fingerprint.substring(0, 16);
    }

    /** The conversation an email joins, and whether it pointed at another sender's conversation instead. */
    record Joined(ConversationId conversation, boolean anotherSendersThread) {}

    /**
     * Joins the conversation of the first message it answers that we know (In-Reply-To, then
     * References from the newest), else the one whose token our own Message-ID or subject carries,
     * else the thread's root; else it starts its own. Only a conversation of the same sender is
     * joined; one started by someone else makes it start its own.
     *
     * @param sender the From address; null (none readable) joins nobody's conversation
     */
    Joined conversationOf(
            String externalId,
            String messageId,
            List<String> inReplyTo,
            List<String> references,
            String subject,
            String sender) {
        boolean ownsMessageId = messageId != null && messageId.equals(externalId);
        if (ownsMessageId) {
            Optional<ConversationId> again = index.conversationOf(messageId);
            if (again.isPresent() && sameSender(again.get(), sender)) {
                return new Joined(again.get(), false);
            }
        }
        var candidates = new ArrayList<ConversationId>();
        var answered = new ArrayList<String>(inReplyTo);
        for (int i = references.size() - 1; i >= 0; i--) {
            answered.add(references.get(i));
        }
        for (String id : answered) {
            index.conversationOf(id).or(() -> ConversationToken.inMessageId(id)).ifPresent(candidates::add);
        }
        ConversationToken.inSubject(subject).ifPresent(candidates::add);
        String root = !references.isEmpty()
                ? references.getFirst()
                : !inReplyTo.isEmpty() ? inReplyTo.getFirst() : externalId;
        candidates.add(ConversationId.startedBy(Channel.EMAIL, root));

        // The first candidate decides: the message it most directly answers.
        ConversationId chosen = candidates.getFirst();
        boolean another = !sameSender(chosen, sender);
        if (another) {
            chosen = ConversationId.startedBy(Channel.EMAIL, externalId);
        }
        if (sender != null && index.senderOf(chosen).isEmpty()) {
            index.rememberSender(chosen, sender);
        }
        // Only the message that owns a Message-ID says where it belongs: a reuse never re-points another's thread.
        if (ownsMessageId && index.conversationOf(messageId).isEmpty()) {
            index.rememberConversation(messageId, chosen);
        }
        return new Joined(chosen, another);
    }

    /** A conversation nobody has claimed yet (started before senders were kept) is anyone's to join. */
    private boolean sameSender(ConversationId conversation, String sender) {
        Optional<String> owner = index.senderOf(conversation);
        return owner.isEmpty() || (sender != null && owner.get().equalsIgnoreCase(sender));
    }
}
