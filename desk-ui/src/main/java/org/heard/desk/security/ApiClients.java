package org.heard.desk.security;

import java.security.MessageDigest;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.HexFormat;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.function.Predicate;

/** The configured integrations, found by the token they present. */
final class ApiClients {

    private record Registered(byte[] tokenHash, ApiClient client) {}

    private final List<Registered> clients;

    /**
     * @param staffUsername whether a member of staff has a username: a client may not take it, so the
     *     activity log always tells a person from an integration
     */
    ApiClients(ApiClientSettings settings, Predicate<String> staffUsername) {
        var registered = new ArrayList<Registered>();
        var names = new HashSet<String>();
        var hashes = new HashSet<String>();
        for (var client : settings.clients()) {
            String name = client.name();
            if (name == null || !ApiTokens.NAME.matcher(name).matches()) {
                throw new IllegalStateException(
                        "heard.api.clients: every client needs a name of lower case letters, digits, '.', '_'"
                                + " or '-' (got '" + name + "')");
            }
            if (!names.add(name) || staffUsername.test(name)) {
                throw new IllegalStateException(
                        "heard.api.clients: the name '" + name + "' is already taken by another client or a user");
            }
            if (client.role() == StaffRole.ADMIN) {
                throw new IllegalStateException("heard.api.clients: " + name
                        + " cannot be an ADMIN; an integration is a RESPONDER or a MANAGER");
            }
            if (client.role() == StaffRole.MANAGER && client.services().isEmpty()) {
                throw new IllegalStateException(
                        "heard.api.clients: " + name
                                + " is a MANAGER (the default) without services, so it would see nothing: give it services or role RESPONDER");
            }
            String hash = hashOf(client);
            if (!hashes.add(hash)) {
                throw new IllegalStateException("heard.api.clients: " + name + " has the same token as another client");
            }
            registered.add(new Registered(
                    HexFormat.of().parseHex(hash),
                    new ApiClient(
                            name,
                            client.displayName(),
                            client.title(),
                            client.role(),
                            client.services(),
                            client.internalNotes())));
        }
        this.clients = List.copyOf(registered);
    }

    private static String hashOf(ApiClientSettings.Client client) {
        String hash = ConfiguredHash.of(client.tokenHash(), client.tokenHashFile(), "API client " + client.name())
                .toLowerCase(Locale.ROOT);
        if (!ApiTokens.HASH.matcher(hash).matches()) {
            throw new IllegalStateException("heard.api.clients: " + client.name()
                    + " needs token-hash (or token-hash-file) with the"
                    + " SHA-256 of its token as 64 hex digits (java -jar heard.jar api-token " + client.name() + ")");
        }
        return hash;
    }

    /**
     * The client whose token this is. Every configured hash is compared, in constant time, whatever
     * matches: how long this takes says nothing about which client or how many bytes matched.
     */
    Optional<ApiClient> byToken(String token) {
        byte[] presented = ApiTokens.digest(token);
        ApiClient found = null;
        for (var client : clients) {
            if (MessageDigest.isEqual(presented, client.tokenHash())) {
                found = client.client();
            }
        }
        return Optional.ofNullable(found);
    }

    boolean isEmpty() {
        return clients.isEmpty();
    }
}
