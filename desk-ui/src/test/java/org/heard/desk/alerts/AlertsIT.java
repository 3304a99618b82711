package org.heard.desk.alerts;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.icegreen.greenmail.util.GreenMail;
import com.icegreen.greenmail.util.ServerSetup;
import jakarta.mail.internet.MimeMessage;
import java.time.DayOfWeek;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalTime;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.apache.kafka.common.serialization.StringSerializer;
import org.heard.contracts.AccessAudited;
import org.heard.contracts.Author;
import org.heard.contracts.Channel;
import org.heard.contracts.ConversationId;
import org.heard.contracts.DeskJson;
import org.heard.contracts.MentionId;
import org.heard.contracts.MentionReceived;
import org.heard.contracts.MentionTriaged;
import org.heard.contracts.Sentiment;
import org.heard.contracts.ServiceTag;
import org.heard.contracts.Topic;
import org.heard.contracts.Topics;
import org.heard.contracts.Urgency;
import org.heard.desk.audit.AuditAction;
import org.heard.desk.audit.AuditLog;
import org.heard.desk.security.StaffRole;
import org.heard.desk.security.StaffSettings;
import org.heard.mentions.MentionDocument;
import org.heard.mentions.TestMentionIndex;
import org.heard.platform.events.EventPublisher;
import org.heard.platform.testing.MutableClock;
import org.heard.platform.testing.TestElasticsearch;
import org.heard.platform.testing.TestKafka;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.springframework.kafka.core.DefaultKafkaConsumerFactory;
import org.springframework.kafka.listener.ContainerProperties;
import org.springframework.kafka.listener.KafkaMessageListenerContainer;
import org.springframework.kafka.listener.MessageListener;

/**
 * Alerts against a real SMTP server (GreenMail), a webhook receiver on loopback, and the shared test
 * Kafka broker and Elasticsearch node. Time is a {@link MutableClock} in 2030, so the ledger's
 * due times never meet another test's real clock.
 */
class AlertsIT {

    private static final String SECRET = "s3cret-page-key";
    private static final EventPublisher NO_DEAD_LETTERS = new EventPublisher() {
        @Override
        public <T> CompletableFuture<Void> publish(Topic<T> topic, T record) {
            throw new AssertionError("nothing here is unreadable: " + record);
        }
    };
    private static GreenMail smtp;
    private static AlertLedger ledger;
    private static TestMentionIndex mentions;
    private static AuditLog auditLog;

    private final MutableClock clock = new MutableClock(Instant.parse("2030-01-15T10:00:00Z"));
    private ServiceLookup catalogue = ServiceLookup.idsOnly();

    @BeforeAll
    static void servers() {
        smtp = new GreenMail(new ServerSetup(0, "127.0.0.1", ServerSetup.PROTOCOL_SMTP).dynamicPort());
        smtp.start();
        ledger = new AlertLedger(TestElasticsearch.client());
        ledger.ensureExists();
        mentions = new TestMentionIndex(TestElasticsearch.client());
        mentions.schema().ensureExists();
        auditLog = new AuditLog(TestElasticsearch.client());
        auditLog.ensureExists();
    }

    @AfterAll
    static void stop() {
        smtp.stop();
    }

    @Test
    void anImmediateMentionIsEmailedAndPostedOnceByTwoConsumersOfOneGroupAndEachDeliveryIsRecorded() throws Exception {
        String ward = "ward-" + UUID.randomUUID();
        String wendy = "wendy-" + UUID.randomUUID() + "@trust.test";
        try (var webhook = new Webhook()) {
            var settings = settings(webhook.url(), List.of(subscriber("wendy", wendy, Set.of(ward))), Map.of());
            TestKafka.createTopics(Topics.TRIAGED.name());
            String group = "heard-alerts-test-" + UUID.randomUUID();
            var first = consume(group, new AlertIntake(alerts(settings), NO_DEAD_LETTERS, clock));
            var second = consume(group, new AlertIntake(alerts(settings), NO_DEAD_LETTERS, clock));
            try {
                var immediate = List.of(
                        triaged(ward, Urgency.Level.IMMEDIATE),
                        triaged(ward, Urgency.Level.IMMEDIATE),
                        triaged(ward, Urgency.Level.IMMEDIATE));
                var normal = triaged(ward, Urgency.Level.HIGH);
                try (var producer = new KafkaProducer<String, byte[]>(
                        Map.of("bootstrap.servers", TestKafka.bootstrapServers()),
                        new StringSerializer(),
                        new ByteArraySerializer())) {
                    for (var mention : List.of(immediate.get(0), normal, immediate.get(1), immediate.get(2))) {
                        producer.send(new ProducerRecord<>(
                                        Topics.TRIAGED.name(),
                                        mention.conversationId().value(),
                                        DeskJson.write(mention)))
                                .get();
                    }
                }

                for (var mention : immediate) {
                    String id = mention.mentionId().value();
                    await().atMost(Duration.ofSeconds(60))
                            .untilAsserted(() -> assertThat(ledger.deliveries(AlertDelivery.State.DELIVERED, id, 10))
                                    .extracting(AlertDelivery::route)
                                    .containsExactlyInAnyOrder(AlertDelivery.Route.EMAIL, AlertDelivery.Route.WEBHOOK));
                }
                // Both consumers ran to the end of the topic: nothing more is coming.
                await().atMost(Duration.ofSeconds(30))
                        .until(() -> first.getAssignedPartitions() != null
                                && second.getAssignedPartitions() != null
                                && first.getAssignedPartitions().size()
                                                + second.getAssignedPartitions().size()
                                        == 3);
                for (var mention : immediate) {
                    String id = mention.mentionId().value();
                    assertThat(webhook.about(id)).as("webhook posts for " + id).hasSize(1);
                    assertThat(mailsAbout(id)).as("emails for " + id).hasSize(1);
                    var email = ledger.deliveries(null, id, 10).stream()
                            .filter(d -> d.route() == AlertDelivery.Route.EMAIL)
                            .findFirst()
                            .orElseThrow();
                    assertThat(email.recipient()).isEqualTo("wendy");
                    assertThat(email.address()).isEqualTo(wendy);
                    assertThat(email.attempts()).isEqualTo(1);
                    assertThat(email.kind()).isEqualTo(AlertDelivery.Kind.IMMEDIATE);
                }
                assertThat(webhook.about(normal.mentionId().value())).isEmpty();
                assertThat(mailsAbout(normal.mentionId().value())).isEmpty();
                assertThat(ledger.deliveries(null, normal.mentionId().value(), 10))
                        .isEmpty();

                var post = webhook.about(immediate.get(0).mentionId().value()).getFirst();
                assertThat(post.secret()).isEqualTo(SECRET);
                assertThat(post.contentType()).isEqualTo("application/json");
                var document = DeskJson.mapper().readTree(post.body());
                assertThat(document.get("kind").asString()).isEqualTo("immediate");
                assertThat(document.get("services").get(0).asString()).isEqualTo(ward);
                assertThat(document.get("link").asString())
                        .isEqualTo("https://desk.trust.test/conversation/"
                                + immediate.get(0).mentionId().value());
                assertThat(post.body()).doesNotContain("evidence phrase");

                var mail = mailsAbout(immediate.get(0).mentionId().value()).getFirst();
                assertThat(mail.getSubject()).isEqualTo("Immediate: a mention about " + ward + " needs a person now");
                assertThat((String) mail.getContent())
                        .contains("Service: " + ward)
                        .doesNotContain("evidence phrase");
            } finally {
                first.stop();
                second.stop();
            }
        }
    }

    @Test
    void aFailingWebhookIsRetriedWithDoublingWaitsThenRecordedAsFailed() throws Exception {
        String ward = "ward-" + UUID.randomUUID();
        try (var webhook = new Webhook()) {
            webhook.answer(503);
            var alerts = alerts(settings(webhook.url(), List.of(), Map.of()));
            var mention = triaged(ward, Urgency.Level.IMMEDIATE);
            String id = mention.mentionId().value();

            alerts.triaged(mention);

            var pending = webhookDelivery(id);
            assertThat(pending.state()).isEqualTo(AlertDelivery.State.PENDING);
            assertThat(pending.attempts()).isEqualTo(1);
            assertThat(pending.lastError()).isEqualTo("the webhook answered 503");
            assertThat(pending.nextAttemptAt()).isEqualTo(clock.instant().plusSeconds(30));

            clock.advance(Duration.ofSeconds(29));
            alerts.tick();
            assertThat(webhook.about(id)).hasSize(1);

            clock.advance(Duration.ofSeconds(1));
            alerts.tick();
            assertThat(webhook.about(id)).hasSize(2);
            assertThat(webhookDelivery(id).nextAttemptAt())
                    .isEqualTo(clock.instant().plusSeconds(60));

            clock.advance(Duration.ofSeconds(60));
            alerts.tick();
            var failed = webhookDelivery(id);
            assertThat(webhook.about(id)).hasSize(3);
            assertThat(failed.state()).isEqualTo(AlertDelivery.State.FAILED);
            assertThat(failed.attempts()).isEqualTo(3);
            assertThat(failed.lastError()).isEqualTo("the webhook answered 503");
            assertThat(ledger.deliveries(AlertDelivery.State.FAILED, id, 10))
                    .extracting(AlertDelivery::id)
                    .containsExactly(failed.id());

            clock.advance(Duration.ofHours(1));
            alerts.tick();
            assertThat(webhook.about(id)).as("no attempts after failing").hasSize(3);
        }
    }

    @Test
    void aWebhookThatRecoversIsRecordedAsDeliveredOnTheRetry() {
        try (var webhook = new Webhook()) {
            webhook.answer(500);
            var alerts = alerts(settings(webhook.url(), List.of(), Map.of()));
            var mention = triaged("ward-" + UUID.randomUUID(), Urgency.Level.IMMEDIATE);
            alerts.triaged(mention);
            webhook.answer(200);

            clock.advance(Duration.ofSeconds(30));
            alerts.tick();

            var delivered = webhookDelivery(mention.mentionId().value());
            assertThat(delivered.state()).isEqualTo(AlertDelivery.State.DELIVERED);
            assertThat(delivered.attempts()).isEqualTo(2);
            assertThat(webhook.about(mention.mentionId().value())).hasSize(2);
        }
    }

    @Test
    void aDeliveryWhoseInstanceDiedMidAttemptIsTakenByAnotherInstanceWhenItsLeaseRunsOut() {
        try (var webhook = new Webhook()) {
            var settings = settings(webhook.url(), List.of(), Map.of());
            AlertRoute dying = delivery -> {
                throw new IllegalStateException("the instance stops here");
            };
            var mention = triaged("ward-" + UUID.randomUUID(), Urgency.Level.IMMEDIATE);
            try {
                alerts(settings, dying).triaged(mention);
            } catch (IllegalStateException expected) {
                // the first instance is gone
            }
            var other = alerts(settings);

            clock.advance(Duration.ofSeconds(119));
            other.tick();
            assertThat(webhook.about(mention.mentionId().value()))
                    .as("still leased to the first instance")
                    .isEmpty();

            clock.advance(Duration.ofSeconds(1));
            other.tick();
            assertThat(webhook.about(mention.mentionId().value())).hasSize(1);
            assertThat(webhookDelivery(mention.mentionId().value()).state()).isEqualTo(AlertDelivery.State.DELIVERED);
        }
    }

    @Test
    void anUnopenedImmediateMentionEscalatesAlongTheRotaSkippingPeopleInQuietHours() throws Exception {
        String ward = "ward-" + UUID.randomUUID();
        String tag = UUID.randomUUID().toString();
        // 10:00 UTC in January is 10:00 in London: nina's quiet hours cover it, across midnight they would too.
        var nina = new AlertSettings.Subscriber(
                "nina",
                "nina-" + tag + "@trust.test",
                Set.of(),
                false,
                AlertSettings.Digest.OFF,
                null,
                null,
                LocalTime.of(9, 0),
                LocalTime.of(12, 0));
        var subscribers = List.of(
                subscriber("rota-wendy", "wendy-" + tag + "@trust.test", Set.of("elsewhere")),
                nina,
                subscriber("omar", "omar-" + tag + "@trust.test", Set.of("elsewhere")));
        var alerts = alerts(settings(null, subscribers, Map.of(ward, List.of("rota-wendy", "nina", "omar"))));
        var mention = triaged(ward, Urgency.Level.IMMEDIATE);
        String id = mention.mentionId().value();
        alerts.triaged(mention);

        clock.advance(Duration.ofMinutes(14));
        alerts.tick();
        assertThat(mailsAbout(id)).isEmpty();

        clock.advance(Duration.ofMinutes(1));
        alerts.tick();
        assertThat(recipients(mailsAbout(id))).containsExactly("wendy-" + tag + "@trust.test");
        assertThat(mailsAbout(id).getFirst().getSubject()).contains("has not been opened for 15 minutes");

        clock.advance(Duration.ofMinutes(15));
        alerts.tick();
        assertThat(recipients(mailsAbout(id)))
                .containsExactly("wendy-" + tag + "@trust.test", "omar-" + tag + "@trust.test");

        clock.advance(Duration.ofMinutes(15));
        alerts.tick();
        assertThat(ledger.escalation(id).orElseThrow().state()).isEqualTo(Escalation.State.EXHAUSTED);
        assertThat(ledger.escalation(id).orElseThrow().told()).containsExactly("rota-wendy", "omar");
        assertThat(ledger.deliveries(null, id, 10))
                .extracting(AlertDelivery::kind)
                .containsOnly(AlertDelivery.Kind.ESCALATION);
        assertThat(mailsAbout(id)).hasSize(2);
    }

    @Test
    void aBaysMentionEscalatesAlongItsWardsRotaAndTheAlertNamesTheBay() throws Exception {
        String ward = "ward-" + UUID.randomUUID();
        String bay = "bay-" + UUID.randomUUID();
        catalogue = new ServiceLookup() {
            @Override
            public String nameOf(String serviceId) {
                return serviceId.equals(bay) ? "Ward 9 bay C" : serviceId;
            }

            @Override
            public java.util.Optional<String> parentOf(String serviceId) {
                return serviceId.equals(bay) ? java.util.Optional.of(ward) : java.util.Optional.empty();
            }
        };
        String address = "rota-" + UUID.randomUUID() + "@trust.test";
        var alerts = alerts(settings(
                null,
                List.of(subscriber("rota-ria", address, Set.of("elsewhere"))),
                Map.of(ward, List.of("rota-ria"))));
        var mention = triaged(bay, Urgency.Level.IMMEDIATE);
        alerts.triaged(mention);

        clock.advance(Duration.ofMinutes(15));
        alerts.tick();

        var mails = mailsAbout(mention.mentionId().value());
        assertThat(recipients(mails)).containsExactly(address);
        assertThat(mails.getFirst().getSubject())
                .startsWith("Escalated: an immediate mention about Ward 9 bay C (" + bay + ")");
    }

    @Test
    void anImmediateMentionOpenedOnTheDeskDoesNotEscalate() throws Exception {
        String ward = "ward-" + UUID.randomUUID();
        String tag = UUID.randomUUID().toString();
        var alerts = alerts(settings(
                null,
                List.of(subscriber("rota-sam", "sam-" + tag + "@trust.test", Set.of("elsewhere"))),
                Map.of(ward, List.of("rota-sam"))));
        var mention = triaged(ward, Urgency.Level.IMMEDIATE);
        String id = mention.mentionId().value();
        alerts.triaged(mention);

        clock.advance(Duration.ofMinutes(5));
        auditLog.append(List.of(new AccessAudited(
                UUID.randomUUID().toString(),
                "wendy",
                AuditAction.CONVERSATION_OPENED.wire(),
                id,
                mention.conversationId().value(),
                "",
                clock.instant(),
                "test")));

        clock.advance(Duration.ofMinutes(10));
        alerts.tick();

        assertThat(ledger.escalation(id).orElseThrow().state()).isEqualTo(Escalation.State.OPENED);
        assertThat(mailsAbout(id)).isEmpty();
    }

    @Test
    void aDailyDigestCountsTheServicesNewMentionsAndIsSentOnceEvenAfterARestart() throws Exception {
        String ward = "ward-" + UUID.randomUUID();
        String address = "digest-" + UUID.randomUUID() + "@trust.test";
        var daily = new AlertSettings.Subscriber(
                "dana",
                address,
                Set.of(ward),
                false,
                AlertSettings.Digest.DAILY,
                LocalTime.of(8, 0),
                DayOfWeek.MONDAY,
                null,
                null);
        var settings = settings(null, List.of(daily), Map.of());
        String secretText = "my mother waited " + UUID.randomUUID();
        // The period is 14 Jan 08:00 to 15 Jan 08:00 (UK time = UTC in January).
        index(
                ward,
                secretText,
                Instant.parse("2030-01-14T09:00:00Z"),
                Urgency.Level.IMMEDIATE,
                Sentiment.Label.NEGATIVE);
        index(ward, secretText, Instant.parse("2030-01-14T20:00:00Z"), Urgency.Level.NORMAL, Sentiment.Label.NEGATIVE);
        var newest = index(
                ward,
                secretText,
                Instant.parse("2030-01-15T07:59:00Z"),
                Urgency.Level.NORMAL,
                Sentiment.Label.POSITIVE);
        index(ward, secretText, Instant.parse("2030-01-13T09:00:00Z"), Urgency.Level.HIGH, Sentiment.Label.NEGATIVE);
        index(ward, secretText, Instant.parse("2030-01-15T08:30:00Z"), Urgency.Level.HIGH, Sentiment.Label.NEGATIVE);
        index(
                "elsewhere-" + UUID.randomUUID(),
                secretText,
                Instant.parse("2030-01-14T10:00:00Z"),
                Urgency.Level.HIGH,
                Sentiment.Label.NEGATIVE);

        clock.set(Instant.parse("2030-01-15T07:59:00Z"));
        var alerts = alerts(settings);
        // Before 08:00 the latest due digest is yesterday's: sent now, for 13-14 Jan (one mention).
        alerts.tick();
        clock.set(Instant.parse("2030-01-15T08:01:00Z"));
        alerts.tick();
        alerts.tick();
        alerts(settings).tick(); // a restarted (or second) instance

        var digests = mailsTo(address);
        assertThat(digests).hasSize(2);
        var today = digests.stream()
                .filter(m -> subject(m).contains("15 January 2030"))
                .findFirst()
                .orElseThrow();
        assertThat(today.getSubject()).isEqualTo("Heard daily digest for Tuesday 15 January 2030: 3 new mentions");
        String body = (String) today.getContent();
        assertThat(body)
                .contains("immediate: 1", "high: 0", "normal: 2", "negative: 2", "neutral: 0", "positive: 1")
                .contains("https://desk.trust.test/conversation/" + newest.mentionId())
                .doesNotContain(secretText);
        assertThat(body.indexOf(newest.mentionId())).as("newest first").isLessThan(body.indexOf("14 Jan 20:00"));
        var yesterday = digests.stream()
                .filter(m -> subject(m).contains("14 January 2030"))
                .findFirst()
                .orElseThrow();
        assertThat(yesterday.getSubject()).endsWith(": 1 new mention");
        assertThat(ledger.deliveries(null, null, 500))
                .filteredOn(d -> address.equals(d.address()))
                .extracting(AlertDelivery::state)
                .containsOnly(AlertDelivery.State.DELIVERED)
                .hasSize(2);
    }

    // --- helpers ---------------------------------------------------------------------------

    private AlertSettings settings(
            String webhookUrl, List<AlertSettings.Subscriber> subscribers, Map<String, List<String>> rotas) {
        var hook = webhookUrl == null ? null : new AlertSettings.Webhook(webhookUrl, "X-Page-Secret", SECRET, null);
        var server = new AlertSettings.Smtp(
                "127.0.0.1", smtp.getSmtp().getPort(), AlertSettings.Security.NONE, null, null, null);
        return new AlertSettings(
                true,
                "https://desk.trust.test/",
                "alerts@trust.test",
                server,
                hook,
                subscribers,
                rotas,
                Duration.ofMinutes(15),
                3,
                Duration.ofSeconds(30),
                Duration.ofHours(24),
                Duration.ofSeconds(10));
    }

    private static AlertSettings.Subscriber subscriber(String username, String email, Set<String> services) {
        return new AlertSettings.Subscriber(
                username, email, services, true, AlertSettings.Digest.OFF, null, null, null, null);
    }

    private Alerts alerts(AlertSettings settings) {
        return alerts(settings, settings.webhook() == null ? null : new WebhookRoute(settings.webhook()));
    }

    private Alerts alerts(AlertSettings settings, AlertRoute webhookRoute) {
        var staff = new StaffSettings(List.of(new StaffSettings.StaffMember(
                "wendy", "{noop}x", null, "Wendy", null, Set.of(StaffRole.MANAGER), Set.of("ward-7"))));
        var smtpSettings = settings.smtp();
        Map<AlertDelivery.Route, AlertRoute> routes = new java.util.EnumMap<>(AlertDelivery.Route.class);
        routes.put(
                AlertDelivery.Route.EMAIL,
                new MailRoute(() -> AlertMailSender.of(smtpSettings), settings.from(), clock));
        if (webhookRoute != null) {
            routes.put(AlertDelivery.Route.WEBHOOK, webhookRoute);
        }
        return new Alerts(
                settings,
                new Subscriptions(settings.subscribers(), staff, services -> services),
                ledger,
                routes,
                auditLog::openedSince,
                new DigestWriter(mentions.search(), settings.deskUrl()),
                catalogue,
                clock);
    }

    private MentionTriaged triaged(String service, Urgency.Level level) {
        String external = UUID.randomUUID().toString();
        return new MentionTriaged(
                MentionId.of(Channel.TWITTER, external),
                ConversationId.startedBy(Channel.TWITTER, external),
                Channel.TWITTER,
                new Sentiment(Sentiment.Label.NEGATIVE, -0.8, List.of("evidence phrase")),
                List.of(new ServiceTag(service, 0.9, List.of("evidence phrase"))),
                new Urgency(level, List.of("evidence phrase")),
                List.of(),
                "test",
                clock.instant());
    }

    private MentionDocument index(
            String service, String text, Instant at, Urgency.Level urgency, Sentiment.Label sentiment) {
        String external = UUID.randomUUID().toString();
        var received = new MentionReceived(
                null,
                Channel.TWITTER,
                "@HeardTrust",
                external,
                null,
                null,
                new Author("1", "@p", "P"),
                null,
                text,
                at,
                at,
                List.of(service),
                Set.of(),
                Map.of());
        var tags = new MentionTriaged(
                received.mentionId(),
                received.conversationId(),
                Channel.TWITTER,
                new Sentiment(sentiment, 0, List.of()),
                List.of(new ServiceTag(service, 1, List.of())),
                new Urgency(urgency, List.of()),
                List.of(),
                "test",
                at);
        var document = MentionDocument.of(received, tags);
        mentions.writer().upsertAll(List.of(document));
        return document;
    }

    private AlertDelivery webhookDelivery(String mentionId) {
        return ledger.deliveries(null, mentionId, 10).stream()
                .filter(d -> d.route() == AlertDelivery.Route.WEBHOOK)
                .findFirst()
                .orElseThrow();
    }

    private KafkaMessageListenerContainer<String, byte[]> consume(String group, AlertIntake intake) {
        var factory = new DefaultKafkaConsumerFactory<String, byte[]>(
                Map.of(
                        ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG,
                        TestKafka.bootstrapServers(),
                        ConsumerConfig.GROUP_ID_CONFIG,
                        group,
                        ConsumerConfig.AUTO_OFFSET_RESET_CONFIG,
                        "earliest",
                        ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG,
                        false),
                new StringDeserializer(),
                new ByteArrayDeserializer());
        var properties = new ContainerProperties(Topics.TRIAGED.name());
        properties.setMessageListener((MessageListener<String, byte[]>) intake::onTriaged);
        var container = new KafkaMessageListenerContainer<>(factory, properties);
        container.start();
        return container;
    }

    private static List<MimeMessage> mailsAbout(String mentionId) throws Exception {
        var found = new ArrayList<MimeMessage>();
        for (var message : smtp.getReceivedMessages()) {
            if (message.getContent() instanceof String body && body.contains(mentionId)) {
                found.add(message);
            }
        }
        return found;
    }

    private static List<MimeMessage> mailsTo(String address) throws Exception {
        var found = new ArrayList<MimeMessage>();
        for (var message : smtp.getReceivedMessages()) {
            if (recipients(List.of(message)).contains(address)) {
                found.add(message);
            }
        }
        return found;
    }

    private static List<String> recipients(List<MimeMessage> messages) throws Exception {
        var addresses = new ArrayList<String>();
        for (var message : messages) {
            for (var recipient : message.getAllRecipients()) {
                addresses.add(recipient.toString());
            }
        }
        return addresses;
    }

    private static String subject(MimeMessage message) {
        try {
            return message.getSubject();
        } catch (jakarta.mail.MessagingException e) {
            throw new IllegalStateException(e);
        }
    }
}
