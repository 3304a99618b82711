package org.heard.contracts;

import tools.jackson.core.JacksonException;
import tools.jackson.databind.DeserializationFeature;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.SerializationFeature;
import tools.jackson.databind.cfg.DateTimeFeature;
import tools.jackson.databind.json.JsonMapper;

/**
 * The JSON form of the contracts: ISO-8601 instants, unknown fields ignored, enums by the one
 * {@link WireEnum} rule, and a schema version check so a reader never misreads an event written by
 * a newer, incompatible writer.
 */
public final class DeskJson {

    private static final JsonMapper MAPPER = WireEnum.rule(JsonMapper.builder())
            .disable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES)
            .disable(DeserializationFeature.FAIL_ON_NULL_FOR_PRIMITIVES)
            .disable(DateTimeFeature.WRITE_DATES_AS_TIMESTAMPS)
            .disable(SerializationFeature.FAIL_ON_EMPTY_BEANS)
            .build();

    private DeskJson() {}

    public static JsonMapper mapper() {
        return MAPPER;
    }

    public static byte[] write(Object value) {
        return MAPPER.writeValueAsBytes(value);
    }

    public static String writeString(Object value) {
        return MAPPER.writeValueAsString(value);
    }

    /**
     * Reads one record of the given type.
     *
     * @throws UnreadableRecord when the bytes are not JSON, not this type, or from a newer schema
     */
    public static <T> T read(byte[] json, Class<T> type) {
        try {
            JsonNode tree = MAPPER.readTree(json);
            if (tree == null || !tree.isObject()) {
                throw new UnreadableRecord("Expected a JSON object for " + type.getSimpleName());
            }
            JsonNode version = tree.get("schemaVersion");
            if (version != null && version.isNumber() && version.asInt() > DeskEvent.SCHEMA_VERSION) {
                throw new UnreadableRecord("Schema version " + version.asInt() + " is newer than this reader ("
                        + DeskEvent.SCHEMA_VERSION + ")");
            }
            return MAPPER.treeToValue(tree, type);
        } catch (JacksonException | IllegalArgumentException | NullPointerException e) {
            throw new UnreadableRecord("Cannot read " + type.getSimpleName() + ": " + e.getMessage(), e);
        }
    }

    /** A record that cannot be read as the expected contract; it belongs in the dead letters. */
    public static final class UnreadableRecord extends RuntimeException {
        public UnreadableRecord(String message) {
            super(message);
        }

        public UnreadableRecord(String message, Throwable cause) {
            super(message, cause);
        }
    }
}
