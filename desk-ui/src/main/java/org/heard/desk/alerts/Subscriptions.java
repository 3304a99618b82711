package org.heard.desk.alerts;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.heard.desk.mentions.ServiceTree;
import org.heard.desk.security.StaffRole;
import org.heard.desk.security.StaffSettings;

/**
 * The subscribers of {@code heard.alerts.subscribers}, each with their services: as configured, or
 * else their desk scope (a manager's services and those below them; everything for responders and
 * admins).
 */
final class Subscriptions {

    private final Map<String, Subscription> byUsername = new LinkedHashMap<>();

    Subscriptions(List<AlertSettings.Subscriber> subscribers, StaffSettings staff, ServiceTree tree) {
        for (var subscriber : subscribers) {
            var member = staff.users().stream()
                    .filter(user -> user.username().equals(subscriber.username()))
                    .findFirst();
            Set<String> services;
            if (!subscriber.services().isEmpty()) {
                services = tree.withDescendants(subscriber.services());
            } else if (member.isPresent()
                    && (member.get().roles().contains(StaffRole.RESPONDER)
                            || member.get().roles().contains(StaffRole.ADMIN))) {
                services = null;
            } else {
                services = tree.withDescendants(
                        member.map(StaffSettings.StaffMember::services).orElse(Set.of()));
            }
            byUsername.put(
                    subscriber.username(),
                    new Subscription(
                            subscriber.username(), subscriber.email(), services, subscriber.immediate(), subscriber));
        }
    }

    List<Subscription> all() {
        return List.copyOf(byUsername.values());
    }

    Optional<Subscription> of(String username) {
        return Optional.ofNullable(byUsername.get(username));
    }
}
