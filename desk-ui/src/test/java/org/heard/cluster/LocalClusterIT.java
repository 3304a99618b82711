package org.heard.cluster;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.heard.contracts.Channel;
import org.heard.contracts.MentionId;
import org.heard.contracts.MentionReceived;
import org.heard.contracts.ReplyId;
import org.heard.contracts.ReplyOutcome;
import org.heard.contracts.ReplyRequested;
import org.heard.contracts.ReplySent;
import org.heard.contracts.Responder;
import org.heard.contracts.Topics;
import org.heard.ingest.channel.ChannelAccount;
import org.heard.mentions.MentionIndexSchema;
import org.heard.mentions.MentionSearch;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The issue's proof, on this machine without Docker: three Kafka brokers, two Elasticsearch nodes,
 * and two Heard instances (ingest and triage each, as child JVMs) sharing one mailbox through the
 * channel leases. Patients' emails stream in; in the middle the instance polling the mailbox is
 * killed with SIGKILL and a broker is shut down. Every mention must then be in the index exactly
 * once and every reply asked for must have reached its patient exactly once.
 */
class LocalClusterIT {

    /** Emails delivered after the crash, at least; the feeder writes until then. */
    private static final int AFTER_THE_CRASH = 40;

    private static final int REPLIES = 30;
    private static final String MAILBOX_KEY = new ChannelAccount(Channel.EMAIL, LocalCluster.MAILBOX).key();

    private static final long STARTED = System.nanoTime();
    private static LocalCluster cluster;
    private static LocalCluster.Reader<MentionReceived> mentions;
    private static LocalCluster.Reader<ReplyOutcome> outcomes;
    private static final List<HeardProcess> instances = new ArrayList<>();

    @BeforeAll
    static void startTheCluster() throws Exception {
        cluster = LocalCluster.start();
        progress("Kafka (3 brokers), Elasticsearch (2 nodes) and the mail server are up");
        instances.add(cluster.startHeard("heard-a", "640m", "ingest,triage", "--heard.triage.nlp=false"));
        instances.add(cluster.startHeard("heard-b", "640m", "ingest,triage", "--heard.triage.nlp=false"));
        instances.forEach(instance -> instance.awaitStarted(Duration.ofMinutes(4)));
        progress("both Heard instances started");
        mentions = cluster.reader(Topics.MENTIONS);
        outcomes = cluster.reader(Topics.REPLY_OUTCOMES);
    }

    private static void progress(String what) {
        System.out.printf("LocalClusterIT %5.1f s: %s%n", (System.nanoTime() - STARTED) / 1e9, what);
    }

    @AfterAll
    static void stopTheCluster() {
        instances.forEach(HeardProcess::close);
        if (mentions != null) {
            mentions.close();
            outcomes.close();
        }
        if (cluster != null) {
            cluster.close();
        }
    }

    @Test
    void everyMentionIsIndexedOnceAndEveryReplySentOnceThroughACrashAndALostBroker() throws Exception {
        String run = Long.toString(System.currentTimeMillis(), 36);
        var delivered = new CopyOnWriteArrayList<String>();
        var writing = new AtomicBoolean(true);

        var poller = await("one instance polls the mailbox")
                .atMost(Duration.ofSeconds(60))
                .until(
                        () -> instances.stream()
                                .filter(instance -> instance.polls(MAILBOX_KEY))
                                .toList(),
                        found -> found.size() == 1)
                .getFirst();
        progress(poller.name() + " polls the mailbox");
        var survivor = instances.stream()
                .filter(instance -> instance != poller)
                .findFirst()
                .orElseThrow();

        // Patients keep writing, a few a second, all through what follows, until told to stop.
        var feeder = Thread.ofPlatform().name("patients").start(() -> {
            for (int i = 0; writing.get(); i++) {
                String id = run + "-" + i;
                cluster.deliverEmail(id);
                delivered.add(id);
                pause(Duration.ofMillis(250));
            }
        });
        var firstMentions =
                await().atMost(Duration.ofMinutes(2)).until(() -> received(run), found -> found.size() >= REPLIES / 2);
        var requested = new ArrayList<ReplyRequested>();
        for (var mention : firstMentions.subList(0, REPLIES / 2)) {
            requested.add(reply(mention));
            cluster.publish(Topics.REPLIES, requested.getLast());
        }
        // A reply whose sender dies between SMTP and recording it is reported to staff as possibly
        // sent, never sent twice (EmailReplySender); so the crash comes once these are out.
        var firstReplies = requested.stream().map(r -> r.replyId().value()).collect(Collectors.toSet());
        await("the first replies sent")
                .atMost(Duration.ofMinutes(2))
                .until(() -> outcomes(firstReplies).keySet(), firstReplies::equals);

        // In the middle of the stream: the instance polling the mailbox crashes, and a broker goes.
        poller.kill();
        int deliveredAtTheCrash = delivered.size();
        progress(poller.name() + " killed (SIGKILL) after " + received(run).size() + " mentions were taken in");
        cluster.stopBroker(0);
        progress("broker 0 stopped");

        await("the survivor polls the mailbox").atMost(Duration.ofSeconds(60)).until(() -> survivor.polls(MAILBOX_KEY));
        progress(survivor.name() + " took the mailbox over");
        await("more patients wrote after the crash")
                .atMost(Duration.ofMinutes(2))
                .until(() -> delivered.size() >= deliveredAtTheCrash + AFTER_THE_CRASH);
        writing.set(false);
        feeder.join(Duration.ofMinutes(1));
        int emails = delivered.size();
        var mentionIds = delivered.stream()
                .map(id -> MentionId.of(Channel.EMAIL, "<" + id + "@" + LocalCluster.PATIENTS + ">")
                        .value())
                .toList();
        progress(emails + " emails delivered, " + deliveredAtTheCrash + " of them before the crash");
        var allMentions =
                await().atMost(Duration.ofMinutes(3)).until(() -> received(run), found -> found.size() == emails);
        var alreadyAnswered = requested.stream().map(ReplyRequested::mentionId).collect(Collectors.toSet());
        for (var mention : allMentions.stream()
                .filter(m -> !alreadyAnswered.contains(m.mentionId()))
                .limit(REPLIES - requested.size())
                .toList()) {
            requested.add(reply(mention));
            cluster.publish(Topics.REPLIES, requested.getLast());
        }
        progress("all " + emails + " mentions on Kafka; " + requested.size() + " replies requested");
        var index = new MentionSearch(cluster.elasticsearch());
        await("every mention indexed")
                .atMost(Duration.ofMinutes(3))
                .pollInterval(Duration.ofSeconds(1))
                .until(() -> mentionIds.stream().allMatch(id -> index.find(id).isPresent()));
        var replyIds = requested.stream().map(r -> r.replyId().value()).collect(Collectors.toSet());
        await("every reply has its outcome")
                .atMost(Duration.ofMinutes(3))
                .pollInterval(Duration.ofSeconds(1))
                .until(() -> outcomes(replyIds).keySet(), replyIds::equals);

        progress("every mention indexed, every reply has its outcome");
        cluster.elasticsearch().indices().refresh(refresh -> refresh.index(MentionIndexSchema.ALIAS));
        long indexed = cluster.elasticsearch()
                .count(count -> count.index(MentionIndexSchema.ALIAS)
                        .query(query -> query.ids(match -> match.values(mentionIds))))
                .count();
        long everything = cluster.elasticsearch()
                .count(count -> count.index(MentionIndexSchema.ALIAS))
                .count();
        assertThat(indexed).as("mentions of this run in the index").isEqualTo(emails);
        assertThat(everything).as("documents in the index (one per mention)").isEqualTo(emails);
        assertThat(received(run)).as("distinct mentions on the mentions topic").hasSize(emails);

        assertThat(outcomes(replyIds).values())
                .as("outcomes of the replies")
                .allSatisfy(outcome -> assertThat(outcome).isInstanceOf(ReplySent.class));
        var reachedPatients = new ArrayList<String>();
        for (var message : cluster.repliesReceived()) {
            String body = String.valueOf(message.getContent());
            replyIds.stream().filter(body::contains).forEach(reachedPatients::add);
        }
        assertThat(reachedPatients)
                .as("replies that reached a patient, by reply id")
                .hasSize(REPLIES)
                .doesNotHaveDuplicates();
        assertThat(new HashSet<>(reachedPatients)).isEqualTo(replyIds);
    }

    /** The run's mentions on the mentions topic, one per mention id (a re-read after the crash publishes one again). */
    private static List<MentionReceived> received(String run) {
        return new ArrayList<>(mentions.all().stream()
                .filter(mention -> mention.externalId().contains(run + "-"))
                .collect(Collectors.toMap(
                        MentionReceived::mentionId,
                        Function.identity(),
                        (first, again) -> first,
                        java.util.LinkedHashMap::new))
                .values());
    }

    private static Map<String, ReplyOutcome> outcomes(Set<String> replyIds) {
        return outcomes.all().stream()
                .filter(outcome -> replyIds.contains(outcome.replyId().value()))
                .collect(Collectors.toMap(
                        outcome -> outcome.replyId().value(), Function.identity(), (first, later) -> later));
    }

    /** The pace of patients writing in: the feeder's rhythm, not a wait for a result. */
    private static void pause(Duration duration) {
        try {
            Thread.sleep(duration);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    private static ReplyRequested reply(MentionReceived mention) {
        var replyId = ReplyId.random();
        return new ReplyRequested(
                replyId,
                mention.mentionId(),
                mention.conversationId(),
                Channel.EMAIL,
                LocalCluster.MAILBOX,
                new Responder("cluster-test", "Cluster Test", "RESPONDER"),
                "Thank you for telling us; the ward manager will call you. (reply " + replyId.value() + ")",
                false,
                Instant.now());
    }
}
