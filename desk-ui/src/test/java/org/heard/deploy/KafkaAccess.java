package org.heard.deploy;

import java.util.HashSet;
import java.util.List;
import java.util.Set;
import org.heard.contracts.Topic;
import org.heard.contracts.Topics;
import org.heard.deploy.DeploymentChecks.Grant;

/**
 * Who may do what on Kafka, role by role, from contracts' {@link Topics} and who publishes and
 * consumes each (the code's publishers and listeners): the table the deployment's ACLs must be.
 * The desk's presence topic and ingest's channel leases are not contracts (one module each).
 */
final class KafkaAccess {

    static final String PRESENCE = "heard.presence.v1";
    static final String CHANNEL_LEASES = "heard.channel-leases.v1";

    private KafkaAccess() {}

    static Set<Grant> table(String triageGroup) {
        Set<Grant> table = new HashSet<>();
        for (String account : List.of("heard-ingest", "heard-triage", "heard-desk")) {
            // Heard checks its topics and their settings at start-up.
            table.add(new Grant(account, "Describe", "topic", "heard.", true));
            table.add(new Grant(account, "DescribeConfigs", "topic", "heard.", true));
        }
        writes(
                table,
                "heard-ingest",
                Topics.MENTIONS,
                Topics.REPLY_OUTCOMES,
                Topics.CHANNEL_STATUS,
                Topics.DEAD_LETTERS);
        reads(table, "heard-ingest", Topics.REPLIES.name(), "heard-reply-dispatch");
        reads(table, "heard-ingest", CHANNEL_LEASES, "heard-channel-leases");
        reads(table, "heard-ingest", Topics.REREAD_REQUESTS.name(), "heard-email-reread");

        writes(table, "heard-triage", Topics.TRIAGED, Topics.DEAD_LETTERS);
        reads(table, "heard-triage", Topics.MENTIONS.name(), triageGroup);
        reads(table, "heard-triage", Topics.RETRIAGE.name(), "heard-retriage");

        // Replies: the desk and nobody else. Mentions: feedback logged at the desk; outcomes, retriage
        // and mentions also when an admin retries a dead letter.
        writes(
                table,
                "heard-desk",
                Topics.REPLIES,
                Topics.MENTIONS,
                Topics.REPLY_OUTCOMES,
                Topics.RETRIAGE,
                Topics.DEAD_LETTERS,
                Topics.AUDIT,
                Topics.REREAD_REQUESTS);
        table.add(new Grant("heard-desk", "Write", "topic", PRESENCE, false));
        for (String topic : List.of(
                Topics.TRIAGED.name(),
                Topics.REPLY_OUTCOMES.name(),
                Topics.CHANNEL_STATUS.name(),
                Topics.DEAD_LETTERS.name(),
                Topics.AUDIT.name(),
                PRESENCE)) {
            table.add(new Grant("heard-desk", "Read", "topic", topic, false));
        }
        // One group per desk instance for live updates (heard-desk-<random>, heard-desk-outcomes-…), shared ones for
        // the rest.
        table.add(new Grant("heard-desk", "Read", "group", "heard-desk-", true));
        for (String group : List.of("heard-alerts", "heard-dead-letters", "heard-audit")) {
            table.add(new Grant("heard-desk", "Read", "group", group, false));
        }
        return table;
    }

    private static void writes(Set<Grant> table, String account, Topic<?>... topics) {
        for (var topic : topics) {
            table.add(new Grant(account, "Write", "topic", topic.name(), false));
        }
    }

    private static void reads(Set<Grant> table, String account, String topic, String group) {
        table.add(new Grant(account, "Read", "topic", topic, false));
        table.add(new Grant(account, "Read", "group", group, false));
    }
}
