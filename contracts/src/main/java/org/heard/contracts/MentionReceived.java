package org.heard.contracts;

import com.fasterxml.jackson.annotation.JsonIgnore;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;

/**
 * A patient said something to or about us on a channel.
 *
 * @param account the channel account that received it (a mailbox address, an X account, a story-site subscription)
 * @param externalId the channel's own id (Message-ID, tweet id, story id): with the channel it makes {@link #mentionId()}
 * @param inReplyToExternalId the channel id of the message this one answers, if any
 * @param subject an email subject or story title; null where the channel has none
 * @param text the text as staff should read it (safe plain text: no markup is ever interpreted)
 * @param publishedAt when the patient sent or published it
 * @param receivedAt when a connector took it in
 * @param serviceHints catalogue service ids the channel already suggests (a ward mailbox, a story's NACS codes)
 * @param attributes channel details the desk may show (criticality, tags, thread headers...)
 */
public record MentionReceived(
        MentionId mentionId,
        Channel channel,
        String account,
        String externalId,
        ConversationId conversationId,
        String inReplyToExternalId,
        Author author,
        String subject,
        String text,
        Instant publishedAt,
        Instant receivedAt,
        List<String> serviceHints,
        Set<MentionFlag> flags,
        Map<String, String> attributes)
        implements DeskEvent {

    public MentionReceived {
        Objects.requireNonNull(channel, "channel");
        Ids.requireText(externalId, "externalId");
        if (mentionId == null) {
            mentionId = MentionId.of(channel, externalId);
        } else if (!mentionId.equals(MentionId.of(channel, externalId))) {
            throw new IllegalArgumentException(
                    "mentionId " + mentionId + " is not derived from " + channel + "/" + externalId);
        }
        if (conversationId == null) {
            conversationId = ConversationId.startedBy(channel, externalId);
        }
        author = author == null ? Author.anonymous() : author;
        text = text == null ? "" : text;
        Objects.requireNonNull(receivedAt, "receivedAt");
        publishedAt = publishedAt == null ? receivedAt : publishedAt;
        serviceHints = serviceHints == null ? List.of() : List.copyOf(serviceHints);
        flags = flags == null || flags.isEmpty() ? Set.of() : Set.copyOf(flags);
        attributes = attributes == null ? Map.of() : Map.copyOf(attributes);
    }

    @Override
    @JsonIgnore
    public Instant occurredAt() {
        return receivedAt;
    }

    /** Automatic mail, bounces and bulk mail are recorded but never answered automatically. */
    @JsonIgnore
    public boolean automatic() {
        return flags.contains(MentionFlag.AUTO_REPLY)
                || flags.contains(MentionFlag.BOUNCE)
                || flags.contains(MentionFlag.BULK);
    }
}
