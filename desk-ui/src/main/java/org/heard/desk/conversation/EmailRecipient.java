package org.heard.desk.conversation;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import org.heard.mentions.MentionDocument;

/**
 * Where a reply to an email goes and why a person should look twice. Ingest records the address a
 * reply goes to ({@code attributes.replyTo}: the Reply-To, else the sender) and flags a Reply-To
 * other than the sender ({@code REPLY_TO_DIFFERS}) and a sender the receiving server did not verify
 * ({@code SENDER_NOT_AUTHENTICATED}); see docs/channels/email.md. Flags are read by name, so a desk
 * older or newer than ingest still shows what it knows.
 */
record EmailRecipient(String from, String replyTo, List<String> warnings) {

    static final String REPLY_TO_DIFFERS = "REPLY_TO_DIFFERS";
    static final String SENDER_NOT_AUTHENTICATED = "SENDER_NOT_AUTHENTICATED";

    static EmailRecipient of(MentionDocument mention) {
        String from = mention.author() == null ? null : mention.author().id();
        String replyTo =
                mention.attributes() == null ? null : mention.attributes().get("replyTo");
        if (replyTo == null || replyTo.isBlank()) {
            replyTo = from;
        }
        var flags = mention.flags() == null
                ? List.<String>of()
                : mention.flags().stream().map(Enum::name).toList();
        var warnings = new ArrayList<String>();
        boolean differs = flags.contains(REPLY_TO_DIFFERS)
                || (from != null
                        && replyTo != null
                        && !from.strip()
                                .toLowerCase(Locale.ROOT)
                                .equals(replyTo.strip().toLowerCase(Locale.ROOT)));
        if (differs) {
            warnings.add("replies go to " + replyTo + ", not to the sender " + (from == null ? "(unknown)" : from)
                    + ". Someone may be posing as the patient.");
        }
        if (flags.contains(SENDER_NOT_AUTHENTICATED)) {
            warnings.add("the sender's address was not verified by our mail server: this email may not be from "
                    + (from == null ? "who it says" : from) + ".");
        }
        return new EmailRecipient(from, replyTo, List.copyOf(warnings));
    }
}
