package org.heard.ingest.story;

import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.regex.Pattern;
import tools.jackson.databind.JsonNode;

/**
 * Reads the site's JSON into this package's records. Fields it does not know are ignored (the API
 * adds fields over time); fields it needs but cannot read make the item {@link Read.Bad}, with a
 * reason fit for the dead letters.
 */
final class StorySiteJson {

    private static final Pattern ID = Pattern.compile("[0-9A-Za-z_-]{1,40}");

    private StorySiteJson() {}

    /** One item read, or why not. */
    sealed interface Read<T> {
        record Ok<T>(T value) implements Read<T> {}

        record Bad<T>(String reason) implements Read<T> {}
    }

    /** The items of a list answer: a bare array, or an object wrapping one (tolerated, not expected). */
    static Read<List<JsonNode>> items(JsonNode body) {
        JsonNode array = body;
        if (body.isObject()) {
            for (String wrapper : List.of("items", "results", "data")) {
                if (body.path(wrapper).isArray()) {
                    array = body.path(wrapper);
                    break;
                }
            }
        }
        if (!array.isArray()) {
            return new Read.Bad<>("expected a JSON array of items");
        }
        return new Read.Ok<>(new ArrayList<>(array.values()));
    }

    static Read<Opinion> opinion(JsonNode node) {
        try {
            requireObject(node, "story");
            Map<String, String> links = new LinkedHashMap<>();
            JsonNode linkArray = node.path("links");
            if (linkArray.isArray()) {
                for (JsonNode link : linkArray.values()) {
                    String relation = text(link, "relation");
                    String href = text(link, "link");
                    if (relation != null && href != null) {
                        links.putIfAbsent(relation, href);
                    }
                }
            }
            return new Read.Ok<>(new Opinion(
                    id(node, "id"),
                    text(node, "title"),
                    text(node, "body"),
                    instant(node, "dateOfSubmission"),
                    requiredInstant(node, "dateOfPublication"),
                    text(node, "criticality"),
                    text(node, "progress"),
                    text(node, "authorRole"),
                    text(node, "authorAgeGroup"),
                    links));
        } catch (BadShape e) {
            return new Read.Bad<>("story: " + e.getMessage());
        }
    }

    static Read<List<StoryTag>> tags(JsonNode body) {
        return list(
                body, "tag", node -> new StoryTag(required(node, "name"), text(node, "group"), text(node, "polarity")));
    }

    static Read<List<HealthService>> healthServices(JsonNode body) {
        return list(
                body,
                "health service",
                node -> new HealthService(
                        required(node, "nacs"),
                        text(node, "name"),
                        text(node, "type"),
                        text(node, "organisation"),
                        text(node, "siteNacs")));
    }

    static Read<StoryResponse> response(JsonNode node) {
        try {
            requireObject(node, "response");
            String opinionId = text(node, "opinionId");
            if (opinionId == null && node.path("links").isArray()) {
                for (JsonNode link : node.path("links").values()) {
                    if ("opinion".equals(text(link, "relation"))) {
                        opinionId = text(link, "id");
                    }
                }
            }
            if (opinionId == null) {
                throw new BadShape("no opinionId and no link with relation 'opinion'");
            }
            if (!isId(opinionId)) {
                throw new BadShape("'opinionId' is not a story id: " + shown(opinionId));
            }
            JsonNode responder = node.path("responder");
            return new Read.Ok<>(new StoryResponse(
                    id(node, "id"),
                    opinionId,
                    text(node, "body"),
                    responder.isObject() ? text(responder, "name") : text(node, "responderName"),
                    responder.isObject() ? text(responder, "jobTitle") : text(node, "responderRole"),
                    requiredInstant(node, "dateOfPublication")));
        } catch (BadShape e) {
            return new Read.Bad<>("response: " + e.getMessage());
        }
    }

    private static <T> Read<List<T>> list(JsonNode body, String what, Function<JsonNode, T> reader) {
        if (!(items(body) instanceof Read.Ok<List<JsonNode>>(List<JsonNode> nodes))) {
            return new Read.Bad<>(what + "s: expected a JSON array");
        }
        try {
            List<T> values = new ArrayList<>();
            for (JsonNode node : nodes) {
                requireObject(node, what);
                values.add(reader.apply(node));
            }
            return new Read.Ok<>(List.copyOf(values));
        } catch (BadShape e) {
            return new Read.Bad<>(what + ": " + e.getMessage());
        }
    }

    private static void requireObject(JsonNode node, String what) {
        if (!node.isObject()) {
            throw new BadShape("expected a JSON object for a " + what);
        }
    }

    /**
     * The site's ids are numbers; they go into request paths and links, so anything else (a slash,
     * a dot-dot, a query) is refused here rather than sent anywhere.
     */
    static boolean isId(String value) {
        return value != null && ID.matcher(value).matches();
    }

    private static String id(JsonNode node, String field) {
        String value = required(node, field);
        if (!isId(value)) {
            throw new BadShape("'" + field + "' is not a story-site id: " + shown(value));
        }
        return value;
    }

    private static String shown(String value) {
        String line = value.replaceAll("\\p{Cntrl}", "?");
        return line.length() > 80 ? line.substring(0, 80) + "..." : line;
    }

    private static String required(JsonNode node, String field) {
        String value = text(node, field);
        if (value == null || value.isBlank()) {
            throw new BadShape("'" + field + "' is missing");
        }
        return value;
    }

    /** A string or a number as text; null when absent or null; anything else is a bad shape. */
    private static String text(JsonNode node, String field) {
        JsonNode value = node.path(field);
        if (value.isMissingNode() || value.isNull()) {
            return null;
        }
        if (value.isString()) {
            return value.stringValue();
        }
        if (value.isNumber() || value.isBoolean()) {
            return value.asString();
        }
        throw new BadShape("'" + field + "' should be text, not " + value.getNodeType());
    }

    private static Instant requiredInstant(JsonNode node, String field) {
        Instant value = instant(node, field);
        if (value == null) {
            throw new BadShape("'" + field + "' is missing");
        }
        return value;
    }

    /** The API's times are UTC, with or without the zone written. */
    private static Instant instant(JsonNode node, String field) {
        String value = text(node, field);
        if (value == null || value.isBlank()) {
            return null;
        }
        try {
            return Instant.parse(value);
        } catch (DateTimeParseException notZoned) {
            try {
                return LocalDateTime.parse(value).toInstant(ZoneOffset.UTC);
            } catch (DateTimeParseException e) {
                throw new BadShape("'" + field + "' is not a date-time: " + value);
            }
        }
    }

    private static final class BadShape extends RuntimeException {
        BadShape(String message) {
            super(message, null, false, false);
        }
    }
}
