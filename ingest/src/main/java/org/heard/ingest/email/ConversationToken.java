package org.heard.ingest.email;

import java.util.Optional;
import java.util.regex.Pattern;
import org.heard.contracts.ConversationId;

/**
 * The conversation token we put in our own Message-IDs and subjects. Mail clients that drop
 * In-Reply-To or cut References still keep the subject, and most keep our Message-ID in
 * References, so a patient's answer finds its conversation even when the index has not seen it.
 */
final class ConversationToken {

    private static final String PREFIX = "email-";
    private static final Pattern IN_MESSAGE_ID =
            Pattern.compile("<heard\\.([0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12})\\.[^@>]+@[^>]+>");
    private static final Pattern IN_SUBJECT =
            Pattern.compile("\\[ref:([0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12})]");

    private ConversationToken() {}

    /** Only email conversations carry a token: others cannot be continued by email anyway. */
    static Optional<String> of(ConversationId conversation) {
        String value = conversation.value();
        return value.startsWith(PREFIX) ? Optional.of(value.substring(PREFIX.length())) : Optional.empty();
    }

    static String messageId(ConversationId conversation, String uniquePart, String domain) {
        String token = of(conversation).orElse("none");
        return "<heard." + token + "." + uniquePart + "@" + domain + ">";
    }

    static String subjectTag(ConversationId conversation) {
        return of(conversation).map(token -> "[ref:" + token + "]").orElse("");
    }

    static Optional<ConversationId> inMessageId(String messageId) {
        if (messageId == null) {
            return Optional.empty();
        }
        var matcher = IN_MESSAGE_ID.matcher(messageId);
        return matcher.matches() ? Optional.of(new ConversationId(PREFIX + matcher.group(1))) : Optional.empty();
    }

    static Optional<ConversationId> inSubject(String subject) {
        if (subject == null) {
            return Optional.empty();
        }
        var matcher = IN_SUBJECT.matcher(subject);
        return matcher.find() ? Optional.of(new ConversationId(PREFIX + matcher.group(1))) : Optional.empty();
    }
}
