package org.heard.contracts;

import java.util.Objects;
import java.util.function.Function;

/**
 * A Kafka topic and what travels on it: the record type and how a record's key is chosen.
 *
 * @param name the topic's name on the cluster
 * @param type the record type written to it
 * @param keyOf the Kafka key of a record; records with the same key stay in order
 */
public record Topic<T>(String name, Class<T> type, Function<? super T, String> keyOf) {

    public Topic {
        Ids.requireText(name, "topic name");
        Objects.requireNonNull(type, "type");
        Objects.requireNonNull(keyOf, "keyOf");
    }

    public String keyOf(T record) {
        return keyOf.apply(record);
    }
}
