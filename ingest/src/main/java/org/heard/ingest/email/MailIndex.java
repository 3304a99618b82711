package org.heard.ingest.email;

import java.util.Optional;
import org.heard.contracts.ConversationId;
import org.heard.contracts.DeskJson;
import org.heard.contracts.MentionId;
import org.heard.contracts.ReplyId;
import org.heard.platform.checkpoint.CheckpointStore;

/**
 * What the email channel must remember across restarts, kept in the durable {@link CheckpointStore}:
 * which conversation each Message-ID belongs to and who started each conversation, which
 * Message-IDs are our own replies, the thread headers of each mention, and the state of each reply attempt.
 */
final class MailIndex {

    private final CheckpointStore store;

    MailIndex(CheckpointStore store) {
        this.store = store;
    }

    Optional<ConversationId> conversationOf(String messageId) {
        return store.read("email:thread:" + messageId).map(ConversationId::new);
    }

    void rememberConversation(String messageId, ConversationId conversation) {
        store.write("email:thread:" + messageId, conversation.value());
    }

    /** Who started a conversation: only they write in it (see {@link EmailThreading}). */
    Optional<String> senderOf(ConversationId conversation) {
        return store.read("email:sender:" + conversation.value());
    }

    void rememberSender(ConversationId conversation, String address) {
        store.write("email:sender:" + conversation.value(), address.toLowerCase(java.util.Locale.ROOT));
    }

    boolean isOurs(String messageId) {
        return store.read("email:ours:" + messageId).isPresent();
    }

    void rememberOurs(String messageId, ReplyId reply) {
        store.write("email:ours:" + messageId, reply.value());
    }

    Optional<String> fingerprintOf(String messageId) {
        return store.read("email:fingerprint:" + messageId);
    }

    void rememberFingerprint(String messageId, String fingerprint) {
        store.write("email:fingerprint:" + messageId, fingerprint);
    }

    Optional<ThreadHeaders> headersOf(MentionId mention) {
        return store.read("email:mention:" + mention.value())
                .map(json -> DeskJson.mapper().readValue(json, ThreadHeaders.class));
    }

    void rememberHeaders(MentionId mention, ThreadHeaders headers) {
        store.write("email:mention:" + mention.value(), DeskJson.writeString(headers));
    }

    Optional<ReplyAttempt> attemptOf(ReplyId reply) {
        return store.read("email:reply:" + reply.value()).map(ReplyAttempt::parse);
    }

    void recordAttempt(ReplyId reply, ReplyAttempt attempt) {
        store.write("email:reply:" + reply.value(), attempt.format());
    }

    /** Where a reply got to: written before each step, so a restart knows what may have happened. */
    record ReplyAttempt(State state, String messageId, String detail) {

        enum State {
            /** About to be sent: if found in this state after a restart, the outcome is unknown. */
            SENDING,
            SENT,
            /** The server refused it for certain; sending again is safe. */
            FAILED
        }

        static ReplyAttempt parse(String value) {
            String[] parts = value.split(" ", 3);
            return new ReplyAttempt(State.valueOf(parts[0]), parts[1], parts.length > 2 ? parts[2] : "");
        }

        String format() {
            return state + " " + messageId + (detail == null || detail.isEmpty() ? "" : " " + detail);
        }
    }
}
