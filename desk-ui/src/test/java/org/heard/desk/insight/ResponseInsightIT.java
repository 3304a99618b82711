package org.heard.desk.insight;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import org.heard.contracts.Author;
import org.heard.contracts.Channel;
import org.heard.contracts.Sentiment;
import org.heard.contracts.ServiceTag;
import org.heard.contracts.Urgency;
import org.heard.desk.insight.DrillDown.Subset;
import org.heard.desk.insight.Figure.Measure;
import org.heard.desk.insight.Figure.Section;
import org.heard.desk.mentions.DeskScope;
import org.heard.mentions.MentionDocument;
import org.heard.mentions.MentionResponse;
import org.heard.mentions.MentionStatus;
import org.heard.mentions.StaffWrites.ReplyRecorded;
import org.heard.mentions.TestMentionIndex;
import org.heard.platform.testing.TestElasticsearch;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The dashboard's figures from a real Elasticsearch node, over six mentions whose figures are worked
 * out by hand below. They are published in two weeks of March 2020 that no other test uses, with
 * services of their own, so the shared index's other mentions stay out of the range.
 *
 * <pre>
 * mention channel service(s)     week   sentiment urgency   status       first reply after  replies (warnings)
 * m1      twitter A              2 Mar  negative  normal    replied      600 s              r1
 * m2      twitter A              2 Mar  negative  high      replied      3600 s             r2 (deflection), r3 (copy-paste); change made
 * m3      email   B              2 Mar  positive  normal    replied      1800 s             r4 (copy-paste); change planned
 * m4      email   B              9 Mar  neutral   immediate new          -
 * m5      story   A              9 Mar  negative  high      in-progress  -
 * m6      twitter A and B        9 Mar  positive  normal    closed       86400 s            r5
 * </pre>
 */
class ResponseInsightIT {

    static final LocalDate WEEK_1 = LocalDate.parse("2020-03-02");
    static final LocalDate WEEK_2 = LocalDate.parse("2020-03-09");
    static final String RUN = UUID.randomUUID().toString().substring(0, 8);
    static final String A = "ward-a-" + RUN;
    static final String B = "ward-b-" + RUN;
    static final InsightFilter MARCH = new InsightFilter(WEEK_1, LocalDate.parse("2020-03-15"), null, null);
    static final DeskScope EVERYTHING = new DeskScope(null);

    static TestMentionIndex index;
    static ResponseInsight insight;

    @BeforeAll
    static void sixMentionsAnsweredAsInTheTable() {
        var client = TestElasticsearch.client();
        index = new TestMentionIndex(client);
        index.schema().ensureExists();
        insight = new ResponseInsight(client, null);
        var refused = index.writer()
                .upsertAll(List.of(
                        mention(
                                "m1",
                                Channel.TWITTER,
                                "2020-03-02T09:00:00Z",
                                Sentiment.Label.NEGATIVE,
                                Urgency.Level.NORMAL,
                                A),
                        mention(
                                "m2",
                                Channel.TWITTER,
                                "2020-03-03T10:00:00Z",
                                Sentiment.Label.NEGATIVE,
                                Urgency.Level.HIGH,
                                A),
                        mention(
                                "m3",
                                Channel.EMAIL,
                                "2020-03-04T08:00:00Z",
                                Sentiment.Label.POSITIVE,
                                Urgency.Level.NORMAL,
                                B),
                        mention(
                                "m4",
                                Channel.EMAIL,
                                "2020-03-10T08:00:00Z",
                                Sentiment.Label.NEUTRAL,
                                Urgency.Level.IMMEDIATE,
                                B),
                        mention(
                                "m5",
                                Channel.STORY,
                                "2020-03-11T12:00:00Z",
                                Sentiment.Label.NEGATIVE,
                                Urgency.Level.HIGH,
                                A),
                        mention(
                                "m6",
                                Channel.TWITTER,
                                "2020-03-12T12:00:00Z",
                                Sentiment.Label.POSITIVE,
                                Urgency.Level.NORMAL,
                                A,
                                B)));
        assertThat(refused).isEmpty();
        reply("m1", "r1", "2020-03-02T09:10:00Z");
        reply("m2", "r2", "2020-03-03T11:00:00Z", MentionResponse.DEFLECTION);
        reply("m2", "r3", "2020-03-03T12:00:00Z", MentionResponse.COPY_PASTE, "personal-data");
        reply("m3", "r4", "2020-03-04T08:30:00Z", MentionResponse.COPY_PASTE);
        reply("m6", "r5", "2020-03-13T12:00:00Z");
        status("m1", MentionStatus.REPLIED);
        status("m2", MentionStatus.REPLIED);
        status("m3", MentionStatus.REPLIED);
        status("m5", MentionStatus.IN_PROGRESS);
        status("m6", MentionStatus.CLOSED);
        index.staff().markChange(id("m2"), MentionResponse.Change.MADE, "sam", Instant.parse("2020-04-01T10:00:00Z"));
        index.staff()
                .markChange(id("m3"), MentionResponse.Change.PLANNED, "sam", Instant.parse("2020-04-01T10:00:00Z"));
    }

    @Test
    void theResponseRateIsTheShareOfMentionsWithAPersonalReply() {
        var figures = insight.figures(EVERYTHING, MARCH);

        assertThat(figure(figures, Section.OVERALL, "all", Measure.RESPONSE_RATE))
                .satisfies(rate -> {
                    assertThat(rate.count()).isEqualTo(4);
                    assertThat(rate.of()).isEqualTo(6);
                    assertThat(rate.shown()).isEqualTo("67% (4 of 6)");
                });
        assertThat(shown(figures, Section.CHANNEL, "twitter", Measure.RESPONSE_RATE))
                .isEqualTo("100% (3 of 3)");
        assertThat(shown(figures, Section.CHANNEL, "email", Measure.RESPONSE_RATE))
                .isEqualTo("50% (1 of 2)");
        assertThat(shown(figures, Section.CHANNEL, "story", Measure.RESPONSE_RATE))
                .isEqualTo("0% (0 of 1)");
        assertThat(shown(figures, Section.SERVICE, A, Measure.RESPONSE_RATE)).isEqualTo("75% (3 of 4)");
        assertThat(shown(figures, Section.SERVICE, B, Measure.RESPONSE_RATE)).isEqualTo("67% (2 of 3)");
        assertThat(shown(figures, Section.WEEK, WEEK_1.toString(), Measure.RESPONSE_RATE))
                .isEqualTo("100% (3 of 3)");
        assertThat(shown(figures, Section.WEEK, WEEK_2.toString(), Measure.RESPONSE_RATE))
                .isEqualTo("33% (1 of 3)");
    }

    @Test
    void theTimeToFirstResponseCountsOnlyTheFirstReplyAndIsInterpolatedBetweenTheMiddleValues() {
        var figures = insight.figures(EVERYTHING, MARCH);

        // Overall first replies: 600, 1800, 3600, 86400 s (m2's second reply does not count).
        assertThat(value(figures, Section.OVERALL, "all", Measure.MEDIAN_FIRST_RESPONSE))
                .isEqualTo(2700.0);
        // twitter: 600, 3600, 86400; email: 1800; story: nobody answered yet.
        assertThat(value(figures, Section.CHANNEL, "twitter", Measure.MEDIAN_FIRST_RESPONSE))
                .isEqualTo(3600.0);
        assertThat(value(figures, Section.CHANNEL, "email", Measure.MEDIAN_FIRST_RESPONSE))
                .isEqualTo(1800.0);
        assertThat(value(figures, Section.CHANNEL, "story", Measure.MEDIAN_FIRST_RESPONSE))
                .isNull();
        assertThat(shown(figures, Section.CHANNEL, "story", Measure.MEDIAN_FIRST_RESPONSE))
                .isEqualTo("–");
        // ward B: 1800 and 86400 (m6 is tagged with both wards).
        assertThat(value(figures, Section.SERVICE, B, Measure.MEDIAN_FIRST_RESPONSE))
                .isEqualTo(44100.0);
        assertThat(shown(figures, Section.SERVICE, B, Measure.MEDIAN_FIRST_RESPONSE))
                .isEqualTo("12 h 15 min");
        assertThat(value(figures, Section.WEEK, WEEK_1.toString(), Measure.MEDIAN_FIRST_RESPONSE))
                .isEqualTo(1800.0);
        assertThat(value(figures, Section.WEEK, WEEK_2.toString(), Measure.P90_FIRST_RESPONSE))
                .isEqualTo(86400.0);
        // Small slices are exact, interpolated at rank q x (n - 1): overall 0.9 x 3 = 2.7, so 3600 + 0.7 x (86400 -
        // 3600);
        // twitter 0.9 x 2 = 1.8, so 3600 + 0.8 x (86400 - 3600).
        assertThat(value(figures, Section.OVERALL, "all", Measure.P90_FIRST_RESPONSE))
                .isCloseTo(61560.0, within(0.01));
        assertThat(value(figures, Section.CHANNEL, "twitter", Measure.P90_FIRST_RESPONSE))
                .isCloseTo(69840.0, within(0.01));
    }

    @Test
    void theBacklogCountsOpenMentionsByUrgency() {
        var figures = insight.figures(EVERYTHING, MARCH);

        assertThat(figure(figures, Section.BACKLOG, "immediate", Measure.OPEN).count())
                .isEqualTo(1);
        assertThat(figure(figures, Section.BACKLOG, "high", Measure.OPEN).count())
                .isEqualTo(1);
        assertThat(figure(figures, Section.BACKLOG, "normal", Measure.OPEN).count())
                .isZero();
    }

    @Test
    void sentimentIsCountedPerServiceAndWeek() {
        var figures = insight.figures(EVERYTHING, MARCH);

        assertThat(figure(figures, Section.SENTIMENT, A + " · " + WEEK_1, Measure.NEGATIVE)
                        .count())
                .isEqualTo(2);
        assertThat(figure(figures, Section.SENTIMENT, A + " · " + WEEK_2, Measure.NEGATIVE)
                        .count())
                .isEqualTo(1);
        assertThat(figure(figures, Section.SENTIMENT, A + " · " + WEEK_2, Measure.POSITIVE)
                        .count())
                .isEqualTo(1);
        assertThat(figure(figures, Section.SENTIMENT, B + " · " + WEEK_1, Measure.POSITIVE)
                        .count())
                .isEqualTo(1);
        assertThat(figure(figures, Section.SENTIMENT, B + " · " + WEEK_2, Measure.NEUTRAL)
                        .count())
                .isEqualTo(1);
        assertThat(figure(figures, Section.SENTIMENT, B + " · " + WEEK_2, Measure.POSITIVE)
                        .count())
                .isEqualTo(1);
        assertThat(figure(figures, Section.SENTIMENT, B + " · " + WEEK_2, Measure.NEGATIVE)
                        .count())
                .isZero();
    }

    @Test
    void warningSharesAreOfRepliesAndARedeliveredReplyCountsOnce() {
        assertThat(index.staff().recordReply(id("m1"), "r1-" + RUN, Instant.parse("2020-03-02T09:10:00Z"), Set.of()))
                .isEqualTo(ReplyRecorded.ALREADY_COUNTED);
        assertThat(index.staff().recordReply("no-such-mention-" + RUN, "r9", Instant.now(), Set.of()))
                .isEqualTo(ReplyRecorded.NO_SUCH_MENTION);

        var figures = insight.figures(EVERYTHING, MARCH);

        // Five replies: r3 and r4 despite a copy-paste warning, r2 despite a deflection warning.
        assertThat(shown(figures, Section.REPLY_WARNINGS, "all", Measure.COPY_PASTE_SHARE))
                .isEqualTo("40% (2 of 5 replies)");
        assertThat(shown(figures, Section.REPLY_WARNINGS, "all", Measure.DEFLECTION_SHARE))
                .isEqualTo("20% (1 of 5 replies)");
        assertThat(figure(figures, Section.CHANGES, "all", Measure.CHANGE_MADE).count())
                .isEqualTo(1);
        assertThat(figure(figures, Section.CHANGES, "all", Measure.CHANGE_PLANNED)
                        .count())
                .isEqualTo(1);
    }

    @Test
    void aManagersFiguresCoverOnlyHerServicesEvenForAMentionTaggedWithAnother() {
        var figures = insight.figures(new DeskScope(Set.of(A)), MARCH);

        assertThat(shown(figures, Section.OVERALL, "all", Measure.RESPONSE_RATE))
                .isEqualTo("75% (3 of 4)");
        assertThat(figures)
                .filteredOn(figure -> figure.section() == Section.SERVICE)
                .extracting(Figure::slice)
                .containsOnly(A);
        assertThat(figures).extracting(Figure::slice).noneMatch(slice -> slice.contains(B));
        assertThat(figure(figures, Section.CHANGES, "all", Measure.CHANGE_PLANNED)
                        .count())
                .isZero();
        // Her replies: r1, r2, r3, r5; only r3 was a copy.
        assertThat(shown(figures, Section.REPLY_WARNINGS, "all", Measure.COPY_PASTE_SHARE))
                .isEqualTo("25% (1 of 4 replies)");
        var asked = insight.figures(new DeskScope(Set.of(A)), new InsightFilter(MARCH.from(), MARCH.to(), B, null));
        assertThat(figure(asked, Section.OVERALL, "all", Measure.RESPONSE_RATE).of())
                .as("asking for another's service widens nothing")
                .isEqualTo(1);
        assertThat(insight.drillDown(new DeskScope(Set.of(A)), MARCH, DrillDown.of(Subset.MENTIONS), 0, 50)
                        .mentions())
                .extracting(MentionDocument::mentionId)
                .containsExactlyInAnyOrder(id("m1"), id("m2"), id("m5"), id("m6"));
    }

    @Test
    void theChannelAndDateFiltersNarrowEveryFigure() {
        var email = insight.figures(EVERYTHING, new InsightFilter(MARCH.from(), MARCH.to(), null, Channel.EMAIL));
        var secondWeek = insight.figures(EVERYTHING, new InsightFilter(WEEK_2, MARCH.to(), null, null));

        assertThat(shown(email, Section.OVERALL, "all", Measure.RESPONSE_RATE)).isEqualTo("50% (1 of 2)");
        assertThat(email)
                .filteredOn(figure -> figure.section() == Section.CHANNEL)
                .extracting(Figure::slice)
                .containsOnly("email");
        assertThat(shown(secondWeek, Section.OVERALL, "all", Measure.RESPONSE_RATE))
                .isEqualTo("33% (1 of 3)");
    }

    @Test
    void everyFigureDrillsDownToTheMentionsBehindIt() {
        var figures = insight.figures(EVERYTHING, MARCH);

        assertThat(behind(figure(figures, Section.SERVICE, B, Measure.MEDIAN_FIRST_RESPONSE)))
                .as("slowest first")
                .containsExactly("m6", "m3");
        assertThat(behind(figure(figures, Section.SERVICE, B, Measure.RESPONSE_RATE)))
                .containsExactlyInAnyOrder("m3", "m4", "m6");
        assertThat(behind(figure(figures, Section.CHANNEL, "story", Measure.RESPONSE_RATE)))
                .containsExactly("m5");
        assertThat(behind(figure(figures, Section.WEEK, WEEK_1.toString(), Measure.RESPONSE_RATE)))
                .containsExactlyInAnyOrder("m1", "m2", "m3");
        assertThat(behind(figure(figures, Section.BACKLOG, "immediate", Measure.OPEN)))
                .containsExactly("m4");
        assertThat(behind(figure(figures, Section.SENTIMENT, A + " · " + WEEK_1, Measure.NEGATIVE)))
                .containsExactlyInAnyOrder("m1", "m2");
        assertThat(behind(figure(figures, Section.REPLY_WARNINGS, "all", Measure.COPY_PASTE_SHARE)))
                .containsExactlyInAnyOrder("m2", "m3");
        assertThat(behind(figure(figures, Section.REPLY_WARNINGS, "all", Measure.DEFLECTION_SHARE)))
                .containsExactly("m2");
        assertThat(behind(figure(figures, Section.CHANGES, "all", Measure.CHANGE_MADE)))
                .containsExactly("m2");
        var page = insight.drillDown(
                EVERYTHING,
                MARCH,
                figure(figures, Section.OVERALL, "all", Measure.RESPONSE_RATE).drillDown(),
                0,
                4);
        assertThat(page.total()).isEqualTo(6);
        assertThat(page.mentions()).hasSize(4);
    }

    @Test
    void mentionsAreCountedPerWeekBySentimentForTheTrend() {
        var figures = insight.figures(EVERYTHING, MARCH);

        assertThat(figure(figures, Section.WEEK_SENTIMENT, WEEK_1.toString(), Measure.NEGATIVE)
                        .count())
                .isEqualTo(2);
        assertThat(figure(figures, Section.WEEK_SENTIMENT, WEEK_1.toString(), Measure.POSITIVE)
                        .count())
                .isEqualTo(1);
        assertThat(figure(figures, Section.WEEK_SENTIMENT, WEEK_1.toString(), Measure.NEGATIVE)
                        .of())
                .isEqualTo(3);
        assertThat(figure(figures, Section.WEEK_SENTIMENT, WEEK_2.toString(), Measure.NEUTRAL)
                        .count())
                .isEqualTo(1);
        assertThat(behind(figure(figures, Section.WEEK_SENTIMENT, WEEK_2.toString(), Measure.POSITIVE)))
                .containsExactly("m6");
    }

    @Test
    void theBacklogIsBandedByHowLongPeopleHaveWaited() {
        // On 12 March 10:00, m4 (immediate, 10 March 08:00) has waited two days; m5 (high, 11 March 12:00) 22 hours.
        var then = new ResponseInsight(
                TestElasticsearch.client(), null, Clock.fixed(Instant.parse("2020-03-12T10:00:00Z"), ZoneOffset.UTC));
        var figures = then.figures(EVERYTHING, MARCH);

        assertThat(figure(figures, Section.BACKLOG_AGE, "ONE_TO_THREE_DAYS", Measure.OPEN_IMMEDIATE)
                        .count())
                .isEqualTo(1);
        assertThat(figure(figures, Section.BACKLOG_AGE, "UNDER_A_DAY", Measure.OPEN_HIGH)
                        .count())
                .isEqualTo(1);
        assertThat(figure(figures, Section.BACKLOG_AGE, "UNDER_A_DAY", Measure.OPEN_IMMEDIATE)
                        .count())
                .isZero();
        assertThat(figures)
                .filteredOn(figure -> figure.section() == Section.BACKLOG_AGE)
                .extracting(Figure::count)
                .containsOnly(0L, 1L)
                .filteredOn(count -> count == 1L)
                .hasSize(2);
        var waiting = figure(figures, Section.BACKLOG_AGE, "ONE_TO_THREE_DAYS", Measure.OPEN_IMMEDIATE)
                .drillDown();
        assertThat(then.drillDown(EVERYTHING, MARCH, waiting, 0, 10).mentions())
                .extracting(MentionDocument::mentionId)
                .containsExactly(id("m4"));
    }

    @Test
    void aClosedWeekIsKeptForTenMinutesWhileTheCurrentWeekIsAlwaysSearched() {
        String ward = "ward-c-" + RUN;
        var now = new MutableClock(Instant.parse("2020-05-13T12:00:00Z"));
        var kept = new ResponseInsight(TestElasticsearch.client(), null, now);
        var may = new InsightFilter(LocalDate.parse("2020-05-04"), LocalDate.parse("2020-05-13"), ward, null);
        assertThat(index.writer()
                        .upsertAll(List.of(
                                mention(
                                        "c1",
                                        Channel.EMAIL,
                                        "2020-05-05T09:00:00Z",
                                        Sentiment.Label.NEUTRAL,
                                        Urgency.Level.NORMAL,
                                        ward),
                                mention(
                                        "c2",
                                        Channel.EMAIL,
                                        "2020-05-12T09:00:00Z",
                                        Sentiment.Label.NEUTRAL,
                                        Urgency.Level.NORMAL,
                                        ward))))
                .isEmpty();
        var before = kept.dashboard(EVERYTHING, may);
        assertThat(figure(before, Section.WEEK, "2020-05-04", Measure.RESPONSE_RATE)
                        .of())
                .isEqualTo(1);

        assertThat(index.writer()
                        .upsertAll(List.of(
                                mention(
                                        "c3",
                                        Channel.EMAIL,
                                        "2020-05-06T09:00:00Z",
                                        Sentiment.Label.NEUTRAL,
                                        Urgency.Level.NORMAL,
                                        ward),
                                mention(
                                        "c4",
                                        Channel.EMAIL,
                                        "2020-05-13T09:00:00Z",
                                        Sentiment.Label.NEUTRAL,
                                        Urgency.Level.NORMAL,
                                        ward))))
                .isEmpty();
        now.advance(ClosedWeeks.KEPT.minusSeconds(1));
        var soon = kept.dashboard(EVERYTHING, may);
        assertThat(figure(soon, Section.WEEK, "2020-05-04", Measure.RESPONSE_RATE)
                        .of())
                .as("the closed week, from memory")
                .isEqualTo(1);
        assertThat(figure(soon, Section.WEEK, "2020-05-11", Measure.RESPONSE_RATE)
                        .of())
                .as("the current week, searched")
                .isEqualTo(2);
        assertThat(figure(soon, Section.OVERALL, "all", Measure.RESPONSE_RATE).of())
                .as("the headline, searched")
                .isEqualTo(4);

        now.advance(Duration.ofSeconds(2));
        assertThat(figure(kept.dashboard(EVERYTHING, may), Section.WEEK, "2020-05-04", Measure.RESPONSE_RATE)
                        .of())
                .isEqualTo(2);
        var manager = kept.dashboard(new DeskScope(Set.of("another-ward-" + RUN)), may);
        assertThat(manager)
                .as("a manager's weeks are her own")
                .filteredOn(figure -> figure.section() == Section.WEEK)
                .isEmpty();
    }

    /** A clock a test moves on. */
    static final class MutableClock extends Clock {
        private Instant now;

        MutableClock(Instant now) {
            this.now = now;
        }

        void advance(Duration by) {
            now = now.plus(by);
        }

        @Override
        public Instant instant() {
            return now;
        }

        @Override
        public java.time.ZoneId getZone() {
            return ZoneOffset.UTC;
        }

        @Override
        public Clock withZone(java.time.ZoneId zone) {
            return this;
        }
    }

    @Test
    void theResponseIsKeptOnTheMentionWithWhoMarkedTheChange() {
        var m2 = index.search().find(id("m2")).orElseThrow();

        assertThat(m2.response().replyCount()).isEqualTo(2);
        assertThat(m2.response().firstReplyAt()).isEqualTo(Instant.parse("2020-03-03T11:00:00Z"));
        assertThat(m2.response().firstResponseSeconds()).isEqualTo(3600);
        assertThat(m2.response().warnings()).containsExactlyInAnyOrder("deflection", "copy-paste", "personal-data");
        assertThat(m2.response().change()).isEqualTo(MentionResponse.Change.MADE);
        assertThat(m2.response().changeBy()).isEqualTo("sam");
        assertThat(m2.status()).isEqualTo(MentionStatus.REPLIED);
    }

    private List<String> behind(Figure figure) {
        return insight.drillDown(EVERYTHING, MARCH, figure.drillDown(), 0, 50).mentions().stream()
                .map(mention ->
                        mention.mentionId().substring(0, mention.mentionId().indexOf('-')))
                .toList();
    }

    static Figure figure(List<Figure> figures, Section section, String slice, Measure measure) {
        return figures.stream()
                .filter(figure ->
                        figure.section() == section && figure.slice().equals(slice) && figure.measure() == measure)
                .findFirst()
                .orElseThrow(() -> new AssertionError(
                        "No figure " + section + " / " + slice + " / " + measure + " in " + figures));
    }

    private static String shown(List<Figure> figures, Section section, String slice, Measure measure) {
        return figure(figures, section, slice, measure).shown();
    }

    private static Double value(List<Figure> figures, Section section, String slice, Measure measure) {
        return figure(figures, section, slice, measure).value();
    }

    static String id(String name) {
        return name + "-" + RUN;
    }

    private static void reply(String mention, String reply, String sentAt, String... warnings) {
        assertThat(index.staff().recordReply(id(mention), reply + "-" + RUN, Instant.parse(sentAt), Set.of(warnings)))
                .isEqualTo(ReplyRecorded.COUNTED);
    }

    private static void status(String mention, MentionStatus status) {
        index.staff().updateStatus(id(mention), status, null, Instant.parse("2020-04-01T09:00:00Z"));
    }

    private static MentionDocument mention(
            String name,
            Channel channel,
            String published,
            Sentiment.Label sentiment,
            Urgency.Level urgency,
            String... services) {
        var at = Instant.parse(published);
        return new MentionDocument(
                id(name),
                "conversation-" + id(name),
                channel,
                "insight-test",
                name,
                null,
                new Author("a-" + name, null, "Patient " + name),
                null,
                "What patient " + name + " said",
                at,
                at,
                List.of(),
                Set.of(),
                Map.of(),
                new Sentiment(sentiment, 0, List.of()),
                java.util.Arrays.stream(services)
                        .map(service -> new ServiceTag(service, 0.9, List.of()))
                        .toList(),
                new Urgency(urgency, List.of()),
                urgency.rank(),
                List.of(),
                "test",
                at,
                null,
                null,
                null,
                null);
    }
}
