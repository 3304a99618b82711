package org.heard.desk.insight;

import java.util.Locale;
import java.util.Map;
import java.util.function.Function;
import org.heard.contracts.Channel;
import org.heard.desk.naming.DeskNames;
import org.heard.mentions.MentionStatus;

/**
 * What people call the things the index keeps ids for: services by their catalogue name, staff by
 * their display name, channels and statuses in words. The dashboard and every CSV use names; ids
 * stay in the JSON API. Channels get their longer names here (a chart's legend has the room); statuses
 * are named as in the rest of the desk.
 */
public final class Names {

    private final Function<String, String> services;
    private final Map<String, String> staff;

    public Names(Function<String, String> services, Map<String, String> staff) {
        this.services = services;
        this.staff = Map.copyOf(staff);
    }

    /** Ids as they are: for tests and an empty catalogue. */
    public static Names idsOnly() {
        return new Names(Function.identity(), Map.of());
    }

    public String service(String id) {
        if (id == null) {
            return "";
        }
        String name = services.apply(id);
        return name == null || name.isBlank() ? id : name;
    }

    /** A member of staff's display name; the username for someone not configured here (an integration, an OIDC user). */
    public String staff(String username) {
        return username == null ? "" : staff.getOrDefault(username, username);
    }

    public static String channel(Channel channel) {
        if (channel == null) {
            return "";
        }
        return switch (channel) {
            case TWITTER -> "X (Twitter)";
            case EMAIL -> "Email";
            case STORY -> "Care Opinion story";
            case WALK_IN -> "Walk-in";
            case PHONE -> "Phone";
            case LETTER -> "Letter";
        };
    }

    /** A status as the rest of the desk names it ({@link DeskNames#status}). */
    public static String status(MentionStatus status) {
        return DeskNames.status(status);
    }

    /** "immediate" → "Immediate". */
    public static String word(String wire) {
        return wire == null || wire.isEmpty()
                ? ""
                : wire.substring(0, 1).toUpperCase(Locale.ROOT)
                        + wire.substring(1).replace('-', ' ');
    }
}
