package org.heard.desk.reply;

import java.util.List;
import java.util.Optional;

/**
 * A draft as it would be sent, and what the desk has to say about it.
 *
 * @param signed the text the patient will read, signed with the responder's name and role
 * @param length its length as the channel counts it (X's weighted length for tweets)
 * @param limit the channel's hard limit, or 0 when it has none
 * @param blocked why it cannot be sent at all (over a hard channel limit), if so
 */
public record DraftReview(String signed, int length, int limit, List<DraftWarning> warnings, Optional<String> blocked) {

    public DraftReview {
        warnings = List.copyOf(warnings);
    }
}
