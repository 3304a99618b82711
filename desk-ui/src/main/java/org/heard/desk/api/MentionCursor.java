package org.heard.desk.api;

import java.nio.charset.StandardCharsets;
import java.util.Base64;
import org.heard.mentions.MentionSearch;

/**
 * Where a page of mentions ended, as an opaque string for the {@code next} link and for a stream
 * event's {@code id:}. It holds a position only, never a filter or a scope: those come from each
 * request and its caller, so a cursor passed to someone else shows them nothing they may not see.
 */
record MentionCursor(MentionSearch.Order order, MentionSearch.Position position) {

    private static final String VERSION = "1";

    String encode() {
        String plain = VERSION + ":" + order.name() + ":" + position.at() + ":" + position.mentionId();
        return Base64.getUrlEncoder().withoutPadding().encodeToString(plain.getBytes(StandardCharsets.UTF_8));
    }

    /** @throws IllegalArgumentException when the text is not a cursor this desk made */
    static MentionCursor decode(String text) {
        String plain;
        try {
            plain = new String(Base64.getUrlDecoder().decode(text), StandardCharsets.UTF_8);
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException("Not a cursor from this API");
        }
        String[] parts = plain.split(":", 4);
        if (parts.length != 4 || !VERSION.equals(parts[0]) || parts[3].isEmpty()) {
            throw new IllegalArgumentException("Not a cursor from this API");
        }
        try {
            return new MentionCursor(
                    MentionSearch.Order.valueOf(parts[1]),
                    new MentionSearch.Position(Long.parseLong(parts[2]), parts[3]));
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException("Not a cursor from this API");
        }
    }
}
