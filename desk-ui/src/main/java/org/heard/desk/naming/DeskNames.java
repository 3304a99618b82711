package org.heard.desk.naming;

import com.vaadin.flow.component.icon.VaadinIcon;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.heard.contracts.Channel;
import org.heard.contracts.Sentiment;
import org.heard.contracts.ServiceTag;
import org.heard.contracts.Urgency;
import org.heard.desk.security.StaffRoster;
import org.heard.mentions.MentionStatus;
import org.heard.triage.catalogue.Service;
import org.heard.triage.catalogue.ServiceCatalogue;

/** Names for ids, as staff say them. An id nobody has named is shown as it is, never hidden. */
public class DeskNames {

    /**
     * A service to pick: its name, and the path of names above it (for grouping and for search).
     *
     * @param path the names from the top of the catalogue down to this service, joined by " › "
     * @param depth 0 at the top of the catalogue
     */
    public record ServiceChoice(String id, String name, String path, int depth) {}

    /** A colleague to pick. */
    public record StaffChoice(String username, String name) {}

    private final ServiceCatalogue catalogue;
    private final Map<String, String> staff;
    private final List<ServiceChoice> services;

    public DeskNames(ServiceCatalogue catalogue, StaffRoster roster) {
        this.catalogue = catalogue;
        this.staff = roster.members().stream()
                .collect(Collectors.toUnmodifiableMap(
                        StaffRoster.Member::username,
                        member -> member.displayName() == null
                                        || member.displayName().isBlank()
                                ? member.username()
                                : member.displayName(),
                        (a, b) -> a));
        this.services = tree(catalogue.services());
    }

    /** Every service of the catalogue in tree order: each parent followed by the services below it, by name. */
    public List<ServiceChoice> services() {
        return services;
    }

    public String service(String serviceId) {
        if (serviceId == null) {
            return "";
        }
        return catalogue.service(serviceId).map(Service::name).orElse(serviceId);
    }

    /** The services a mention was tagged with, by name. */
    public String services(List<ServiceTag> tags) {
        return tags == null
                ? ""
                : tags.stream().map(tag -> service(tag.serviceId())).distinct().collect(Collectors.joining(", "));
    }

    public String staff(String username) {
        if (username == null || username.isBlank()) {
            return "";
        }
        return staff.getOrDefault(username, username);
    }

    /** Everyone who may log in, by name. Empty when people sign in through a provider (no configured users). */
    public List<StaffChoice> colleagues() {
        return staff.entrySet().stream()
                .map(entry -> new StaffChoice(entry.getKey(), entry.getValue()))
                .sorted(Comparator.comparing(StaffChoice::name, String.CASE_INSENSITIVE_ORDER))
                .toList();
    }

    public static String status(MentionStatus status) {
        if (status == null) {
            return "New";
        }
        return switch (status) {
            case NEW -> "New";
            case IN_PROGRESS -> "In progress";
            case WAITING_FOR_PATIENT -> "Waiting for the patient";
            case REPLIED -> "Replied";
            case CLOSED -> "Closed";
        };
    }

    public static String channel(Channel channel) {
        if (channel == null) {
            return "";
        }
        return switch (channel) {
            case EMAIL -> "Email";
            case TWITTER -> "X";
            case STORY -> "Story site";
            case WALK_IN -> "Walk-in";
            case PHONE -> "Phone";
            case LETTER -> "Letter";
        };
    }

    public static VaadinIcon channelIcon(Channel channel) {
        if (channel == null) {
            return VaadinIcon.COMMENT;
        }
        return switch (channel) {
            case EMAIL -> VaadinIcon.ENVELOPE;
            case TWITTER -> VaadinIcon.TWITTER;
            case STORY -> VaadinIcon.BOOK;
            case WALK_IN -> VaadinIcon.USER;
            case PHONE -> VaadinIcon.PHONE;
            case LETTER -> VaadinIcon.ENVELOPE_O;
        };
    }

    public static String urgency(Urgency.Level level) {
        if (level == null) {
            return "";
        }
        return switch (level) {
            case IMMEDIATE -> "Immediate";
            case HIGH -> "High";
            case NORMAL -> "Normal";
        };
    }

    public static String sentiment(Sentiment.Label label) {
        if (label == null) {
            return "";
        }
        return switch (label) {
            case NEGATIVE -> "Negative";
            case NEUTRAL -> "Neutral";
            case POSITIVE -> "Positive";
        };
    }

    private static List<ServiceChoice> tree(Collection<Service> all) {
        Map<String, Service> byId =
                all.stream().collect(Collectors.toMap(Service::id, Function.identity(), (a, b) -> a));
        Map<String, List<Service>> children = all.stream()
                .filter(service -> service.parent() == null || byId.containsKey(service.parent()))
                .collect(Collectors.groupingBy(service -> service.parent() == null ? "" : service.parent()));
        var ordered = new ArrayList<ServiceChoice>();
        add(children, "", "", 0, ordered);
        return List.copyOf(ordered);
    }

    private static void add(
            Map<String, List<Service>> children, String parent, String path, int depth, List<ServiceChoice> into) {
        for (var service : children.getOrDefault(parent, List.of()).stream()
                .sorted(Comparator.comparing(Service::name, String.CASE_INSENSITIVE_ORDER))
                .toList()) {
            String here = path.isEmpty() ? service.name() : path + " › " + service.name();
            into.add(new ServiceChoice(service.id(), service.name(), here, depth));
            if (depth < 20) {
                add(children, service.id(), here, depth + 1, into);
            }
        }
    }
}
