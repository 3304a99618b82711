package org.heard.ingest.story;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;
import org.heard.contracts.Author;
import org.heard.contracts.Channel;
import org.heard.contracts.MentionId;
import org.heard.contracts.MentionReceived;
import org.heard.contracts.Topics;
import org.heard.ingest.channel.ChannelState;
import org.heard.platform.checkpoint.CheckpointStore;
import org.heard.platform.events.EventPublisher;
import tools.jackson.databind.JsonNode;

/**
 * Takes the subscription's stories in, oldest first, onto the mentions topic.
 *
 * <p>No story is lost or taken twice across restarts: each story is published and acknowledged
 * before the next, and the checkpoint (an {@link IntakePosition}) moves after every page and at
 * the first failure, never past a story the broker does not have. After each acknowledgement the
 * story's reference is stored (the reply side needs it); a story found with one is not published
 * again, so even a hard kill between a page's acknowledgements and its checkpoint repeats nothing.
 * Only a kill between an acknowledgement and that one write can repeat a story, which the
 * deterministic mention id makes harmless downstream.
 *
 * <p>Requests are the scarce resource (5 per second). A page of 100 stories is one request; tags
 * and health services cost two more per story, so they are fetched only for stories published
 * within {@code detail-window}. A backfill of older stories is taken from the list alone and says
 * so on the mention ({@code details=deferred}). Existing responses are not fetched per story at
 * all: {@link StoryResponseReconciler} reads them all from the responses feed.
 */
final class StoryIntake {

    private final StorySettings settings;
    private final StorySiteClient site;
    private final CheckpointStore checkpoints;
    private final EventPublisher publisher;
    private final DeadLetters deadLetters;
    private final StoryHealth health;
    private final Clock clock;
    private final String checkpointKey;

    StoryIntake(
            StorySettings settings,
            StorySiteClient site,
            CheckpointStore checkpoints,
            EventPublisher publisher,
            DeadLetters deadLetters,
            StoryHealth health,
            Clock clock) {
        this.settings = settings;
        this.site = site;
        this.checkpoints = checkpoints;
        this.publisher = publisher;
        this.deadLetters = deadLetters;
        this.health = health;
        this.clock = clock;
        this.checkpointKey = StoryKeys.opinions(settings.subscription());
    }

    /** What one poll did; the health shows the problem too. */
    record Run(int taken, int deadLettered, int requests, Optional<String> problem) {}

    /** Pages through every story published since the checkpoint. */
    Run poll() {
        IntakePosition start;
        try {
            start = checkpoints
                    .read(checkpointKey)
                    .map(IntakePosition::parse)
                    .orElseGet(() -> IntakePosition.start(settings.startFrom()));
        } catch (RuntimeException e) {
            // Starting over would re-take every story; better to stop and say so.
            String detail = "cannot read the stories checkpoint " + checkpointKey + ": " + rootMessage(e);
            health.inboundFailed(ChannelState.FAILING, detail);
            return new Run(0, 0, 0, Optional.of(detail));
        }
        Progress progress = new Progress(start);
        Map<String, String> baseQuery = new LinkedHashMap<>(settings.filters());
        if (progress.position.publishedAt() != null) {
            baseQuery.put("publishedafter", progress.position.publishedAfterFilter());
        }
        int skip = 0;
        while (true) {
            Map<String, String> query = new LinkedHashMap<>(baseQuery);
            query.put("skip", Integer.toString(skip));
            query.put("take", Integer.toString(settings.pageSize()));
            SiteReply reply = progress.ask("opinions", query);
            if (!(reply instanceof SiteReply.Json(JsonNode body, String raw))) {
                progress.failedOn(reply, Map.of("skip", Integer.toString(skip)));
                return progress.finish();
            }
            if (!(StorySiteJson.items(body) instanceof StorySiteJson.Read.Ok<List<JsonNode>>(List<JsonNode> items))) {
                progress.failedOn(
                        new SiteReply.Unreadable("the stories page is not a JSON array", raw),
                        Map.of("skip", Integer.toString(skip)));
                return progress.finish();
            }
            if (items.isEmpty()) {
                health.inboundSucceeded();
                return progress.finish();
            }
            for (int index = 0; index < items.size(); index++) {
                if (!take(items.get(index), skip + index, progress)) {
                    return progress.finish();
                }
            }
            progress.saveCheckpoint();
            if (progress.stopped()) {
                return progress.finish();
            }
            skip += items.size();
        }
    }

    /** Takes one story in; false when the poll must stop here. */
    private boolean take(JsonNode item, int offset, Progress progress) {
        switch (StorySiteJson.opinion(item)) {
            case StorySiteJson.Read.Bad<Opinion>(String reason) -> {
                return progress.deadLetter(reason, item.toString(), Map.of("offset", Integer.toString(offset)));
            }
            case StorySiteJson.Read.Ok<Opinion>(Opinion story) -> {
                if (progress.position.covers(story)) {
                    return true;
                }
                if (alreadyTakenIn(story)) {
                    // Published before a crash that lost the page's checkpoint: move past it, do not repeat it.
                    progress.position = progress.position.after(story);
                    return true;
                }
                Optional<Details> details = details(story, progress);
                if (details.isEmpty()) {
                    return false;
                }
                return progress.publish(story, mention(story, details.get()));
            }
        }
    }

    private boolean alreadyTakenIn(Opinion story) {
        return checkpoints
                .read(StoryKeys.mention(settings.subscription(), MentionId.of(Channel.STORY, story.id())))
                .isPresent();
    }

    /** The story's tags and services, when it is recent enough to spend requests on; empty to stop the poll. */
    private Optional<Details> details(Opinion story, Progress progress) {
        if (story.publishedAt().isBefore(clock.instant().minus(settings.detailWindow()))) {
            return Optional.of(Details.deferred());
        }
        List<String> missing = new ArrayList<>();
        Fetched<List<StoryTag>> tags = detail(
                progress.ask("opinions/" + story.id() + "/tags", Map.of()),
                StorySiteJson::tags,
                "tags",
                story,
                progress);
        if (tags == null) {
            return Optional.empty();
        }
        Fetched<List<HealthService>> services = detail(
                progress.ask("opinions/" + story.id() + "/healthservices", Map.of()),
                StorySiteJson::healthServices,
                "health services",
                story,
                progress);
        if (services == null) {
            return Optional.empty();
        }
        tags.missing().ifPresent(missing::add);
        services.missing().ifPresent(missing::add);
        return Optional.of(new Details(
                tags.valueOr(List.of()),
                services.valueOr(List.of()),
                missing.isEmpty() ? "complete" : "partial: " + String.join("; ", missing)));
    }

    /** A detail read, or why it is missing from the mention. */
    private record Fetched<T>(T value, Optional<String> missing) {
        static <T> Fetched<T> read(T value) {
            return new Fetched<>(value, Optional.empty());
        }

        static <T> Fetched<T> without(String why) {
            return new Fetched<>(null, Optional.of(why));
        }

        T valueOr(T fallback) {
            return value == null ? fallback : value;
        }
    }

    /** Reads one detail answer; null when the poll must stop (site trouble, or a failed dead letter). */
    private <T> Fetched<T> detail(
            SiteReply reply,
            java.util.function.Function<JsonNode, StorySiteJson.Read<T>> reader,
            String what,
            Opinion story,
            Progress progress) {
        Map<String, String> context = Map.of("opinionId", story.id(), "detail", what);
        return switch (reply) {
            case SiteReply.Json(JsonNode body, String raw) ->
                switch (reader.apply(body)) {
                    case StorySiteJson.Read.Ok<T>(T value) -> Fetched.read(value);
                    case StorySiteJson.Read.Bad<T>(String reason) ->
                        progress.deadLetter("story " + story.id() + " " + what + ": " + reason, raw, context)
                                ? Fetched.without(what + " unreadable (dead-lettered)")
                                : null;
                };
            case SiteReply.Unreadable(String reason, String raw) ->
                progress.deadLetter("story " + story.id() + " " + what + ": " + reason, raw, context)
                        ? Fetched.without(what + " unreadable (dead-lettered)")
                        : null;
            // Withdrawn between the list and this request: take the story as listed rather than block the intake on it.
            case SiteReply.NotFound notFound -> Fetched.without(what + " not found on the site");
            default -> {
                progress.failedOn(reply, context);
                yield null;
            }
        };
    }

    private record Details(List<StoryTag> tags, List<HealthService> services, String completeness) {
        static Details deferred() {
            return new Details(
                    List.of(),
                    List.of(),
                    "deferred: published before the detail window, taken from the story list without tags and services");
        }
    }

    private MentionReceived mention(Opinion story, Details details) {
        Set<String> codes = new LinkedHashSet<>();
        for (HealthService service : details.services()) {
            codes.add(service.nacs());
            if (service.siteNacs() != null && !service.siteNacs().isBlank()) {
                codes.add(service.siteNacs());
            }
        }
        List<String> hints = codes.stream()
                .map(settings.nacsServices()::get)
                .filter(java.util.Objects::nonNull)
                .distinct()
                .toList();
        Set<String> unmapped = codes.stream()
                .filter(code -> !settings.nacsServices().containsKey(code))
                .collect(Collectors.toCollection(LinkedHashSet::new));
        StoryRef ref = StoryRef.of(story, settings);
        Map<String, String> attributes = new LinkedHashMap<>();
        put(attributes, "criticality", story.criticality());
        put(attributes, "progress", story.progress());
        put(attributes, "authorRole", story.authorRole());
        put(attributes, "authorAgeGroup", story.authorAgeGroup());
        put(
                attributes,
                "submittedAt",
                story.submittedAt() == null ? null : story.submittedAt().toString());
        put(attributes, "tags", details.tags().stream().map(StoryTag::label).collect(Collectors.joining("; ")));
        put(attributes, "nacsCodes", String.join(", ", codes));
        put(attributes, "unmappedNacsCodes", String.join(", ", unmapped));
        put(
                attributes,
                "services",
                details.services().stream()
                        .map(service ->
                                service.name() == null ? service.nacs() : service.name() + " (" + service.nacs() + ")")
                        .collect(Collectors.joining("; ")));
        put(attributes, "storyUrl", ref.storyUrl());
        put(attributes, "respondUrl", ref.respondUrl());
        put(attributes, "bodyFormat", "markdown");
        put(attributes, "details", details.completeness());
        return new MentionReceived(
                null,
                Channel.STORY,
                settings.subscription(),
                story.id(),
                null,
                null,
                new Author(null, null, null),
                story.title(),
                story.body(),
                story.publishedAt(),
                clock.instant(),
                hints,
                Set.of(),
                attributes);
    }

    private static void put(Map<String, String> attributes, String name, String value) {
        if (value != null && !value.isBlank()) {
            attributes.put(name, value);
        }
    }

    /** The state of one poll: where it stands, what it did, and whether it has to stop. */
    private final class Progress {
        private IntakePosition position;
        private IntakePosition saved;
        private int taken;
        private int deadLettered;
        private int requests;
        private String problem;

        Progress(IntakePosition position) {
            this.position = position;
            this.saved = position;
        }

        SiteReply ask(String path, Map<String, String> query) {
            requests++;
            return site.get(path, query);
        }

        boolean publish(Opinion story, MentionReceived mention) {
            try {
                publisher.publish(Topics.MENTIONS, mention).join();
                checkpoints.write(
                        StoryKeys.mention(settings.subscription(), mention.mentionId()),
                        StoryRef.of(story, settings).write());
            } catch (RuntimeException e) {
                stop(
                        ChannelState.FAILING,
                        "could not put story " + story.id() + " on " + Topics.MENTIONS.name() + ": " + rootMessage(e));
                return false;
            }
            position = position.after(story);
            taken++;
            return true;
        }

        /** Dead-letters an unreadable item once; false when even that failed and the poll must stop. */
        boolean deadLetter(String reason, String raw, Map<String, String> context) {
            String fingerprint = fingerprint(reason + '\u0000' + raw);
            if (position.alreadyDeadLettered(fingerprint)) {
                return true;
            }
            try {
                deadLetters.put(reason, raw, context).join();
            } catch (RuntimeException e) {
                stop(ChannelState.FAILING, "could not dead-letter (" + reason + "): " + rootMessage(e));
                return false;
            }
            position = position.withDeadLettered(fingerprint);
            deadLettered++;
            return true;
        }

        void failedOn(SiteReply reply, Map<String, String> context) {
            switch (reply) {
                case SiteReply.AuthFailed(String detail) -> stop(ChannelState.AUTH_FAILED, detail);
                case SiteReply.RateLimited(Instant until, String detail) -> stop(ChannelState.RATE_LIMITED, detail);
                case SiteReply.Unavailable(String reason) ->
                    stop(ChannelState.FAILING, "Care Opinion unavailable: " + reason);
                case SiteReply.NotFound(String detail) ->
                    stop(ChannelState.FAILING, "Care Opinion has no stories list here: " + detail);
                case SiteReply.Unreadable(String reason, String raw) -> {
                    // A whole page that cannot be read cannot be skipped without losing its stories:
                    // it is dead-lettered for an admin and the poll stops here until it reads again.
                    deadLetter(reason, raw, context);
                    stop(ChannelState.FAILING, reason + " (dead-lettered; retrying on the next poll)");
                }
                case SiteReply.Json json -> stop(ChannelState.FAILING, "unexpected answer");
            }
        }

        void saveCheckpoint() {
            if (!position.equals(saved)) {
                try {
                    checkpoints.write(checkpointKey, position.write());
                    saved = position;
                } catch (RuntimeException e) {
                    stop(ChannelState.FAILING, "could not save the stories checkpoint: " + rootMessage(e));
                }
            }
        }

        boolean stopped() {
            return problem != null;
        }

        Run finish() {
            saveCheckpoint();
            return run();
        }

        Run run() {
            return new Run(taken, deadLettered, requests, Optional.ofNullable(problem));
        }

        private void stop(ChannelState state, String detail) {
            if (problem == null) {
                problem = detail;
                health.inboundFailed(state, detail);
            }
        }
    }

    private static String rootMessage(Throwable error) {
        Throwable cause = error;
        while (cause.getCause() != null && cause.getCause() != cause) {
            cause = cause.getCause();
        }
        return cause.getClass().getSimpleName() + (cause.getMessage() == null ? "" : ": " + cause.getMessage());
    }

    private static String fingerprint(String text) {
        try {
            byte[] digest = MessageDigest.getInstance("SHA-256").digest(text.getBytes(StandardCharsets.UTF_8));
            return HexFormat.of().formatHex(digest, 0, 16);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is part of every JDK", e);
        }
    }
}
