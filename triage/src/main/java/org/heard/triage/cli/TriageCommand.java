package org.heard.triage.cli;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.heard.contracts.Channel;
import org.heard.contracts.DeskJson;
import org.heard.contracts.PersonalData;
import org.heard.contracts.ScoredSentence;
import org.heard.contracts.ServiceTag;
import org.heard.triage.MentionTriage;
import org.heard.triage.TriageInput;
import org.heard.triage.TriageResult;
import org.heard.triage.TriageSettings;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.ObjectNode;

/**
 * {@code triage [--services catalogue.yaml] [--models DIR] [--threads N]}: JSON Lines in, one JSON line
 * out per input line, in order:
 *
 * <pre>
 * in:  {"id": "...", "text": "...", "channel": "email|twitter|story|walk-in"}   (optional: "services": [hints], "criticality": -5..5)
 * out: {"id", "sentiment": {"label", "score", "evidence"}, "services": [{"id", "confidence", "signal", "evidence"}],
 *       "urgency": {"level", "reasons": [...]}, "pii": [{"type", "start", "end"}],
 *       "sentences": [{"start", "end", "label", "score"}]}
 * bad: {"id": ... or null, "error": "why"}   (and a line on stderr; the run goes on)
 * </pre>
 *
 * These field names are read by other tools: keep them stable.
 */
public final class TriageCommand {

    /** Lines are triaged in batches so all cores work while output keeps input order. */
    private static final int BATCH = 64;

    private TriageCommand() {}

    public static int run(String[] args, InputStream in, PrintStream out, PrintStream err) {
        Map<String, String> options;
        TriageSettings settings;
        try {
            options = Options.parse(args, List.of("--services", "--threads", "--models"));
            settings = TriageSettings.defaults().withThreads(Options.threads(options));
            if (options.containsKey("--models")) {
                Path models = Path.of(options.get("--models"));
                if (!Files.isDirectory(models)) {
                    throw new IllegalArgumentException("No model folder " + models);
                }
                settings = settings.withModels(models);
            }
            if (options.containsKey("--services")) {
                Path catalogue = Path.of(options.get("--services"));
                if (!Files.isReadable(catalogue)) {
                    throw new IllegalArgumentException("Cannot read service catalogue " + catalogue);
                }
                settings = settings.withCatalogue(catalogue);
            }
        } catch (IllegalArgumentException e) {
            err.println(e.getMessage());
            err.println(
                    "usage: triage [--services catalogue.yaml] [--models DIR] [--threads N] < mentions.jsonl > tags.jsonl");
            return 2;
        }
        TriageSettings loaded = settings;
        try {
            return Commands.resultsOnlyOn(out, err, () -> {
                try (MentionTriage triage = MentionTriage.load(loaded)) {
                    return run(triage, in, out, err);
                }
            });
        } catch (IOException | RuntimeException e) {
            err.println("Cannot start triage: " + e.getMessage());
            return 1;
        }
    }

    /** The loop itself, over an already loaded triage (tests share one). */
    static int run(MentionTriage triage, InputStream in, PrintStream out, PrintStream err) {
        int lineNumber = 0;
        int failed = 0;
        try (BufferedReader reader = new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8))) {
            List<Line> batch = new ArrayList<>();
            String line;
            while ((line = reader.readLine()) != null) {
                lineNumber++;
                if (line.isBlank()) {
                    continue;
                }
                batch.add(Line.parse(lineNumber, line));
                if (batch.size() == BATCH) {
                    failed += flush(triage, batch, out, err);
                }
            }
            failed += flush(triage, batch, out, err);
        } catch (IOException e) {
            err.println("Cannot read input: " + e.getMessage());
            return 1;
        }
        if (failed > 0) {
            err.println(failed + " of the input lines could not be triaged (see the error objects)");
        }
        out.flush();
        return 0;
    }

    private static int flush(MentionTriage triage, List<Line> batch, PrintStream out, PrintStream err) {
        List<TriageInput> inputs =
                batch.stream().filter(l -> l.input() != null).map(Line::input).toList();
        List<TriageResult> results;
        try {
            results = triage.triageAll(inputs);
        } catch (RuntimeException batchFailure) {
            // One text broke the batch: triage the lines one by one so only that one becomes an error.
            results = null;
        }
        int failed = 0;
        int next = 0;
        for (Line line : batch) {
            if (line.input() == null) {
                failed++;
                err.println("line " + line.number() + ": " + line.error());
                out.println(error(line.id(), line.error()));
                continue;
            }
            try {
                TriageResult result = results != null ? results.get(next) : triage.triage(line.input());
                out.println(DeskJson.writeString(toJson(result)));
            } catch (RuntimeException e) {
                failed++;
                String reason = "triage failed: " + e;
                err.println("line " + line.number() + ": " + reason);
                out.println(error(line.id(), reason));
            }
            next++;
        }
        batch.clear();
        return failed;
    }

    static ObjectNode toJson(TriageResult result) {
        ObjectNode json = DeskJson.mapper().createObjectNode();
        json.put("id", result.id());
        ObjectNode sentiment = json.putObject("sentiment");
        sentiment.put("label", result.sentiment().label().wire());
        sentiment.put("score", result.sentiment().score());
        ArrayNode evidence = sentiment.putArray("evidence");
        result.sentiment().evidence().forEach(evidence::add);
        ArrayNode services = json.putArray("services");
        for (ServiceTag tag : result.services()) {
            ObjectNode service = services.addObject().put("id", tag.serviceId()).put("confidence", tag.confidence());
            service.put("signal", tag.signal() == null ? null : tag.signal().wire());
            ArrayNode because = service.putArray("evidence");
            tag.evidence().forEach(because::add);
        }
        ObjectNode urgency = json.putObject("urgency");
        urgency.put("level", result.urgency().level().wire());
        ArrayNode reasons = urgency.putArray("reasons");
        result.urgency().reasons().forEach(reasons::add);
        ArrayNode pii = json.putArray("pii");
        for (PersonalData span : result.personalData()) {
            pii.addObject()
                    .put("type", span.type().wire())
                    .put("start", span.start())
                    .put("end", span.end());
        }
        ArrayNode sentences = json.putArray("sentences");
        for (ScoredSentence sentence : result.sentences()) {
            sentences
                    .addObject()
                    .put("start", sentence.start())
                    .put("end", sentence.end())
                    .put("label", sentence.label().wire())
                    .put("score", sentence.score());
        }
        return json;
    }

    private static String error(String id, String reason) {
        ObjectNode json = DeskJson.mapper().createObjectNode();
        if (id == null) {
            json.putNull("id");
        } else {
            json.put("id", id);
        }
        json.put("error", reason);
        return DeskJson.writeString(json);
    }

    /** One input line: either a triage input, or the id (if any) and why it cannot be triaged. */
    private record Line(int number, String id, TriageInput input, String error) {

        static Line parse(int number, String text) {
            JsonNode json;
            try {
                json = DeskJson.mapper().readTree(text);
            } catch (JacksonException e) {
                return new Line(number, null, null, "not JSON: " + e.getOriginalMessage());
            }
            if (json == null || !json.isObject()) {
                return new Line(number, null, null, "expected a JSON object");
            }
            JsonNode idNode = json.get("id");
            if (idNode != null && !idNode.isNull() && !idNode.isString() && !idNode.isNumber()) {
                return new Line(number, null, null, "\"id\" must be a string or a number, not " + idNode.getNodeType());
            }
            String id = idNode == null || idNode.isNull()
                    ? null
                    : idNode.isNumber() ? idNode.numberValue().toString() : idNode.stringValue();
            if (id == null || id.isBlank()) {
                return new Line(number, null, null, "missing \"id\"");
            }
            JsonNode textNode = json.get("text");
            if (textNode == null || !textNode.isString()) {
                return new Line(number, id, null, "missing or non-string \"text\"");
            }
            Channel channel = null;
            JsonNode channelNode = json.get("channel");
            if (channelNode != null && !channelNode.isNull()) {
                if (!channelNode.isString()) {
                    return new Line(number, id, null, "\"channel\" must be a string");
                }
                try {
                    channel = Channel.fromWire(channelNode.asString());
                } catch (IllegalArgumentException e) {
                    return new Line(
                            number,
                            id,
                            null,
                            "unknown channel \"" + channelNode.asString()
                                    + "\" (expected email, twitter, story or walk-in)");
                }
            }
            List<String> hints = new ArrayList<>();
            JsonNode servicesNode = json.get("services");
            if (servicesNode != null && servicesNode.isArray()) {
                servicesNode.forEach(hint -> {
                    if (hint.isString() || hint.isNumber()) {
                        hints.add(hint.isNumber() ? hint.numberValue().toString() : hint.stringValue());
                    }
                });
            }
            Map<String, String> attributes = Map.of();
            JsonNode criticality = json.get("criticality");
            if (criticality != null && criticality.isNumber()) {
                attributes = Map.of(
                        TriageInput.CRITICALITY, criticality.numberValue().toString());
            }
            return new Line(number, id, new TriageInput(id, textNode.asString(), channel, hints, attributes), null);
        }
    }
}
