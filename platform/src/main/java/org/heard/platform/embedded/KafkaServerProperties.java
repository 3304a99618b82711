package org.heard.platform.embedded;

import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;

/** The server properties of a single-node, combined broker and controller that is light on a small machine. */
final class KafkaServerProperties {

    static final int NODE_ID = 1;
    static final String CONTROLLER_LISTENER = "CONTROLLER";
    static final String CLIENT_LISTENER = "CLIENT";

    private KafkaServerProperties() {}

    /**
     * @param login null: plain listeners anyone on the machine may use; else SASL on both: SCRAM for
     *     clients (and the broker itself), PLAIN against a fixed account on the controller port, as
     *     KRaft controllers cannot read SCRAM accounts from the metadata they serve
     */
    static Map<String, String> of(
            String host,
            int port,
            int controllerPort,
            Path logDirectory,
            EmbeddedKafka.Login login,
            Map<String, String> overrides) {
        Map<String, String> properties = new LinkedHashMap<>();
        properties.put("process.roles", "broker,controller");
        properties.put("node.id", String.valueOf(NODE_ID));
        properties.put(
                "listeners",
                CLIENT_LISTENER + "://" + host + ":" + port + "," + CONTROLLER_LISTENER + "://" + host + ":"
                        + controllerPort);
        properties.put("advertised.listeners", CLIENT_LISTENER + "://" + host + ":" + port);
        String protocol = login == null ? "PLAINTEXT" : "SASL_PLAINTEXT";
        properties.put(
                "listener.security.protocol.map",
                CLIENT_LISTENER + ":" + protocol + "," + CONTROLLER_LISTENER + ":" + protocol);
        if (login != null) {
            String client = "listener.name." + CLIENT_LISTENER.toLowerCase(Locale.ROOT) + ".";
            String controller = "listener.name." + CONTROLLER_LISTENER.toLowerCase(Locale.ROOT) + ".";
            properties.put("sasl.enabled.mechanisms", EmbeddedKafka.Login.MECHANISM);
            properties.put(client + "sasl.enabled.mechanisms", EmbeddedKafka.Login.MECHANISM);
            properties.put("sasl.mechanism.inter.broker.protocol", EmbeddedKafka.Login.MECHANISM);
            properties.put(
                    client + EmbeddedKafka.Login.MECHANISM.toLowerCase(Locale.ROOT) + ".sasl.jaas.config",
                    login.jaas("org.apache.kafka.common.security.scram.ScramLoginModule", ""));
            properties.put(controller + "sasl.enabled.mechanisms", "PLAIN");
            properties.put("sasl.mechanism.controller.protocol", "PLAIN");
            properties.put(
                    controller + "plain.sasl.jaas.config",
                    login.jaas(
                            "org.apache.kafka.common.security.plain.PlainLoginModule",
                            " user_" + login.username() + "=\"" + login.password() + "\""));
        }
        properties.put("controller.listener.names", CONTROLLER_LISTENER);
        properties.put("inter.broker.listener.name", CLIENT_LISTENER);
        // A static one-voter quorum: the voter's address comes from this configuration on every start,
        // so a restart on other ports needs no change to the formatted metadata.
        properties.put("controller.quorum.voters", NODE_ID + "@" + host + ":" + controllerPort);
        properties.put("log.dirs", logDirectory.toString());

        // One node: every internal topic and every produce with acks=all is satisfied by this node alone.
        properties.put("offsets.topic.replication.factor", "1");
        properties.put("transaction.state.log.replication.factor", "1");
        properties.put("transaction.state.log.min.isr", "1");
        properties.put("share.coordinator.state.topic.replication.factor", "1");
        properties.put("share.coordinator.state.topic.min.isr", "1");
        properties.put("min.insync.replicas", "1");
        properties.put("default.replication.factor", "1");
        // Heard keys records by conversation; three partitions keep each conversation in order while
        // letting a consumer group spread the work.
        properties.put("num.partitions", "3");
        // The application creates its topics with the settings it wants; a typo must not create one.
        properties.put("auto.create.topics.enable", "false");
        properties.put("group.initial.rebalance.delay.ms", "0");

        // Mentions are the source of truth: keep them until someone decides otherwise.
        properties.put("log.retention.ms", "-1");
        properties.put("log.retention.bytes", "-1");
        properties.put("log.segment.bytes", String.valueOf(16 * 1024 * 1024));
        properties.put("log.index.size.max.bytes", String.valueOf(1024 * 1024));

        // Light on a two-core machine shared with the rest of Heard.
        properties.put("num.network.threads", "1");
        properties.put("num.io.threads", "2");
        properties.put("background.threads", "2");
        properties.put("num.recovery.threads.per.data.dir", "1");
        properties.put("num.replica.fetchers", "1");
        properties.put("log.cleaner.threads", "1");
        properties.put("log.cleaner.dedupe.buffer.size", String.valueOf(16 * 1024 * 1024));
        properties.put("offsets.topic.num.partitions", "5");
        properties.put("transaction.state.log.num.partitions", "5");
        properties.put("share.coordinator.state.topic.num.partitions", "5");
        // Kafka would otherwise wait forever for a broker that cannot come up.
        properties.put("server.max.startup.time.ms", "60000");

        properties.putAll(overrides);
        return properties;
    }
}
