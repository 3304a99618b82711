package org.heard.ingest.channel;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Collection;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.NewTopic;
import org.apache.kafka.clients.consumer.CloseOptions;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRebalanceListener;
import org.apache.kafka.clients.consumer.CooperativeStickyAssignor;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.errors.TopicExistsException;
import org.apache.kafka.common.errors.WakeupException;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.apache.kafka.common.utils.Utils;
import org.heard.platform.kafka.ReplicationFit;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Shares the channel accounts among ingest instances with Kafka's group coordination. Every
 * instance joins one consumer group on a lease topic that carries no records: each partition is a
 * lease, each account hashes onto one partition (Kafka's own murmur2, the same on every instance),
 * and an instance polls the accounts of the partitions the group assigned it. When a partition is
 * revoked the account's poller is stopped, and the callback returns only once its work in flight is
 * done, so the next holder starts after the last one finished. A crashed instance stops
 * heartbeating and the coordinator hands its partitions on after the session timeout.
 * Cooperative-sticky assignment moves only the partitions that must move.
 */
final class KafkaChannelLeases implements ChannelLeases, AutoCloseable {

    private static final Logger log = LoggerFactory.getLogger(KafkaChannelLeases.class);
    private static final Duration ADMIN_TIMEOUT = Duration.ofSeconds(30);
    private static final Duration POLL = Duration.ofMillis(200);

    private final ChannelLeaseSettings settings;
    private final Map<String, Object> clientConfig;
    private final String instance;
    /** Accounts this instance would poll, by key; guarded by {@code this}. */
    private final Map<String, AccountPoller> accounts = new LinkedHashMap<>();
    /** Lease partitions the group gave this instance; guarded by {@code this}. */
    private final Set<Integer> leases = new HashSet<>();

    private volatile int partitionCount;
    private volatile boolean running;
    private volatile boolean crashing;
    private volatile KafkaConsumer<byte[], byte[]> consumer;
    private Thread thread;

    /**
     * @param clientConfig how to reach the cluster (bootstrap servers, security), as the application's other clients do
     * @param instance names this instance in the group and the logs
     */
    KafkaChannelLeases(ChannelLeaseSettings settings, Map<String, Object> clientConfig, String instance) {
        this.settings = settings;
        this.clientConfig = Map.copyOf(clientConfig);
        this.instance = instance;
    }

    @Override
    public synchronized void hold(AccountPoller poller) {
        String key = poller.account().key();
        accounts.put(key, poller);
        if (thread == null) {
            running = true;
            thread = Thread.ofPlatform()
                    .name("channel-leases-" + instance)
                    .daemon()
                    .start(this::keepLeases);
        } else if (partitionCount > 0 && leases.contains(partitionOf(key))) {
            poller.start();
        }
    }

    @Override
    public synchronized void release(AccountPoller poller) {
        accounts.remove(poller.account().key());
        poller.stop();
    }

    /** The lease partitions this instance holds now. */
    synchronized Set<Integer> leases() {
        return Set.copyOf(leases);
    }

    int partitionOf(String accountKey) {
        return Utils.toPositive(Utils.murmur2(accountKey.getBytes(StandardCharsets.UTF_8))) % partitionCount;
    }

    /** Leaves the group: the accounts' pollers stop and the other instances take the accounts over at once. */
    @Override
    public void close() {
        Thread stopping;
        synchronized (this) {
            stopping = thread;
            running = false;
        }
        if (stopping == null) {
            return;
        }
        var current = consumer;
        if (current != null) {
            current.wakeup();
        }
        try {
            stopping.join();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    /**
     * What a crash looks like to the group, for tests in one JVM: the pollers stop (the process
     * is gone) and the consumer goes without saying goodbye, so the others wait for the session timeout.
     */
    void crash() {
        crashing = true;
        synchronized (this) {
            accounts.values().forEach(AccountPoller::stop);
        }
        close();
    }

    private void keepLeases() {
        while (running && partitionCount == 0) {
            try {
                partitionCount = ensureTopic();
            } catch (RuntimeException e) {
                log.warn(
                        "Channel leases: cannot reach Kafka to read or create {} ({}); no account is polled here until then",
                        settings.topic(),
                        e.getMessage());
                pause(Duration.ofSeconds(2));
            }
        }
        try (var leaseConsumer =
                new KafkaConsumer<>(consumerConfig(), new ByteArrayDeserializer(), new ByteArrayDeserializer())) {
            consumer = leaseConsumer;
            leaseConsumer.subscribe(List.of(settings.topic()), new Listener());
            while (running) {
                try {
                    leaseConsumer.poll(POLL);
                } catch (WakeupException e) {
                    // close() asks us to leave; the loop condition ends it
                } catch (RuntimeException e) {
                    log.warn("Channel leases: group coordination failed ({}); retrying", e.toString());
                    pause(Duration.ofSeconds(1));
                }
            }
            if (crashing) {
                leaseConsumer.close(
                        CloseOptions.groupMembershipOperation(CloseOptions.GroupMembershipOperation.REMAIN_IN_GROUP)
                                .withTimeout(Duration.ZERO));
            } else {
                // Revokes every lease (stopping the pollers) and leaves the group, so the accounts move at once.
                leaseConsumer.close();
            }
        } finally {
            consumer = null;
            synchronized (this) {
                leases.clear();
            }
        }
    }

    private Map<String, Object> consumerConfig() {
        var config = new HashMap<>(clientConfig);
        config.put(ConsumerConfig.GROUP_ID_CONFIG, settings.group());
        config.put(ConsumerConfig.CLIENT_ID_CONFIG, "heard-channel-leases-" + instance);
        config.put(ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, false);
        config.put(
                ConsumerConfig.PARTITION_ASSIGNMENT_STRATEGY_CONFIG,
                List.of(CooperativeStickyAssignor.class.getName()));
        config.put(ConsumerConfig.SESSION_TIMEOUT_MS_CONFIG, (int)
                settings.sessionTimeout().toMillis());
        config.put(ConsumerConfig.HEARTBEAT_INTERVAL_MS_CONFIG, (int)
                settings.heartbeatInterval().toMillis());
        return config;
    }

    /** The lease topic's partition count, creating the topic first when it is missing. */
    private int ensureTopic() {
        try (Admin admin = Admin.create(clientConfig)) {
            var topics = admin.listTopics().names().get(ADMIN_TIMEOUT.toMillis(), TimeUnit.MILLISECONDS);
            if (!topics.contains(settings.topic())) {
                int brokers = admin.describeCluster()
                        .nodes()
                        .get(ADMIN_TIMEOUT.toMillis(), TimeUnit.MILLISECONDS)
                        .size();
                var fit = ReplicationFit.forBrokers(brokers);
                try {
                    admin.createTopics(List.of(
                                    new NewTopic(settings.topic(), settings.partitions(), fit.replicationFactor())
                                            .configs(fit.topicConfigs())))
                            .all()
                            .get(ADMIN_TIMEOUT.toMillis(), TimeUnit.MILLISECONDS);
                } catch (ExecutionException e) {
                    if (!(e.getCause() instanceof TopicExistsException)) {
                        throw new IllegalStateException(
                                "cannot create " + settings.topic() + ": "
                                        + e.getCause().getMessage(),
                                e);
                    }
                }
            }
            var description = admin.describeTopics(List.of(settings.topic()))
                    .allTopicNames()
                    .get(ADMIN_TIMEOUT.toMillis(), TimeUnit.MILLISECONDS)
                    .get(settings.topic());
            return description.partitions().size();
        } catch (ExecutionException | TimeoutException e) {
            throw new IllegalStateException(e.getMessage(), e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted", e);
        }
    }

    private static void pause(Duration duration) {
        try {
            Thread.sleep(duration);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    private final class Listener implements ConsumerRebalanceListener {

        @Override
        public void onPartitionsAssigned(Collection<TopicPartition> partitions) {
            synchronized (KafkaChannelLeases.this) {
                var gained = partitions.stream().map(TopicPartition::partition).toList();
                leases.addAll(gained);
                for (var entry : accounts.entrySet()) {
                    if (gained.contains(partitionOf(entry.getKey()))) {
                        log.info("Channel leases: {} polls {}", instance, entry.getKey());
                        entry.getValue().start();
                    }
                }
            }
        }

        @Override
        public void onPartitionsRevoked(Collection<TopicPartition> partitions) {
            synchronized (KafkaChannelLeases.this) {
                var lost = partitions.stream().map(TopicPartition::partition).toList();
                leases.removeAll(lost);
                for (var entry : accounts.entrySet()) {
                    if (lost.contains(partitionOf(entry.getKey()))) {
                        // Returns once the poll in flight is done: only then may the group hand the account on.
                        entry.getValue().stop();
                        log.info("Channel leases: {} stopped polling {}", instance, entry.getKey());
                    }
                }
            }
        }
    }
}
