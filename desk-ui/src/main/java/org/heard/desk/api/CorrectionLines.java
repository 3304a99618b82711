package org.heard.desk.api;

import com.fasterxml.jackson.annotation.JsonInclude;
import io.swagger.v3.oas.annotations.media.Schema;
import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.stream.Collectors;
import org.heard.contracts.Channel;
import org.heard.contracts.DeskJson;
import org.heard.contracts.Sentiment;
import org.heard.contracts.Urgency;
import org.heard.desk.activity.Activity;
import org.heard.desk.activity.ActivityLog;
import org.heard.mentions.MentionDocument;
import org.heard.mentions.MentionSearch;

/**
 * Staff's tag corrections as labelled data for the next model ({@code heard.jar train --corrections}):
 * one JSON line per corrected mention with the latest value staff gave each tag. Read from the
 * activity log a page at a time, by mention, so memory holds one page and one batch of lines.
 */
final class CorrectionLines {

    static final int PAGE = 500;
    static final int BATCH = 100;

    /**
     * One corrected mention.
     *
     * @param text what was corrected: the subject and the text, as staff saw them
     * @param services the service staff moved it to
     * @param correctedAt the latest correction
     */
    @JsonInclude(JsonInclude.Include.NON_NULL)
    @Schema(
            name = "CorrectedMention",
            description = "A mention staff corrected, with the latest value of each tag they corrected")
    record Line(
            String id,
            String text,
            @Schema(implementation = Channel.class) String channel,
            @Schema(implementation = Sentiment.Label.class) String sentiment,
            @Schema(description = "Catalogue service ids") List<String> services,
            @Schema(implementation = Urgency.Level.class) String urgency,
            Instant correctedAt) {

        Line with(Activity correction) {
            String to = correction.detail("to");
            return switch (String.valueOf(correction.detail("field"))) {
                case "sentiment" -> new Line(id, correction.text(), channel, to, services, urgency, correction.at());
                case "urgency" -> new Line(id, correction.text(), channel, sentiment, services, to, correction.at());
                case "service" ->
                    new Line(id, correction.text(), channel, sentiment, List.of(to), urgency, correction.at());
                default -> this;
            };
        }
    }

    /** What was written: lines, and corrected mentions left out because their channel is no longer known. */
    record Written(long lines, long withoutChannel) {}

    private final ActivityLog activity;
    private final MentionSearch mentions;

    CorrectionLines(ActivityLog activity, MentionSearch mentions) {
        this.activity = activity;
        this.mentions = mentions;
    }

    /** Writes every corrected mention (corrected at or after {@code from}, when given). */
    Written write(Instant from, OutputStream out) {
        var batch = new ArrayList<Line>(BATCH);
        long[] written = new long[2];
        Line[] current = new Line[1];
        activity.eachCorrection(from, PAGE, correction -> {
            if (correction.mentionId() == null || correction.detail("to") == null) {
                return;
            }
            if (current[0] != null && !current[0].id().equals(correction.mentionId())) {
                batch.add(current[0]);
                current[0] = null;
                if (batch.size() >= BATCH) {
                    flush(batch, out, written);
                }
            }
            if (current[0] == null) {
                current[0] =
                        new Line(correction.mentionId(), null, correction.detail("channel"), null, null, null, null);
            }
            current[0] = current[0].with(correction);
        });
        if (current[0] != null) {
            batch.add(current[0]);
        }
        flush(batch, out, written);
        return new Written(written[0], written[1]);
    }

    /** Fills in the channel of corrections recorded before it was kept with them, from the index, and writes the batch. */
    private void flush(List<Line> batch, OutputStream out, long[] written) {
        var unknown = batch.stream()
                .filter(line -> line.channel() == null)
                .map(Line::id)
                .toList();
        var channels = unknown.isEmpty()
                ? new HashMap<String, String>()
                : mentions.findAll(unknown).stream()
                        .filter(mention -> mention.channel() != null)
                        .collect(Collectors.toMap(
                                MentionDocument::mentionId,
                                mention -> mention.channel().wire(),
                                (first, second) -> first,
                                HashMap::new));
        try {
            for (var line : batch) {
                String channel = line.channel() != null ? line.channel() : channels.get(line.id());
                if (channel == null) {
                    written[1]++;
                    continue;
                }
                var complete = new Line(
                        line.id(),
                        line.text(),
                        channel,
                        line.sentiment(),
                        line.services(),
                        line.urgency(),
                        line.correctedAt());
                out.write(DeskJson.write(complete));
                out.write('\n');
                written[0]++;
            }
            out.flush();
        } catch (IOException e) {
            throw new UncheckedIOException("The client stopped reading the corrections", e);
        }
        batch.clear();
    }
}
