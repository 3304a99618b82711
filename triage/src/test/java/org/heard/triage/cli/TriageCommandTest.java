package org.heard.triage.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import org.heard.contracts.DeskJson;
import org.heard.triage.SharedTriage;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

class TriageCommandTest {

    private record Run(int exit, List<JsonNode> lines, String err) {}

    private static Run triage(String input) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        ByteArrayOutputStream err = new ByteArrayOutputStream();
        int exit = TriageCommand.run(
                SharedTriage.get(),
                new ByteArrayInputStream(input.getBytes(StandardCharsets.UTF_8)),
                new PrintStream(out, true, StandardCharsets.UTF_8),
                new PrintStream(err, true, StandardCharsets.UTF_8));
        List<JsonNode> lines = new ArrayList<>();
        for (String line : out.toString(StandardCharsets.UTF_8).split("\n")) {
            if (!line.isBlank()) {
                lines.add(DeskJson.mapper().readTree(line));
            }
        }
        return new Run(exit, lines, err.toString(StandardCharsets.UTF_8));
    }

    @Test
    void writesOneLineWithTheDocumentedFieldsPerMention() {
        Run run = triage("""
                {"id": "m1", "text": "My dad has been left on a trolley in A&E for 14 hours. NHS number 943 476 5919", "channel": "twitter"}
                """);
        assertThat(run.exit()).isZero();
        assertThat(run.lines()).hasSize(1);
        JsonNode line = run.lines().getFirst();
        // The documented fields stay, in order; "sentences" (and evidence, signal) were added after them.
        assertThat(line.propertyNames()).containsExactly("id", "sentiment", "services", "urgency", "pii", "sentences");
        assertThat(line.get("id").asString()).isEqualTo("m1");
        assertThat(line.get("sentiment").propertyNames()).containsExactly("label", "score", "evidence");
        assertThat(line.get("sentiment").get("label").asString()).isIn("negative", "neutral", "positive");
        assertThat(line.get("sentiment").get("score").asDouble()).isBetween(-1.0, 1.0);
        assertThat(line.get("services").get(0).propertyNames())
                .containsExactly("id", "confidence", "signal", "evidence");
        assertThat(line.get("services").get(0).get("signal").asString()).isEqualTo("term");
        assertThat(line.get("services").get(0).get("id").asString()).isEqualTo("emergency-department");
        assertThat(line.get("urgency").get("level").asString()).isEqualTo("immediate");
        assertThat(line.get("urgency").get("reasons").get(0).asString()).contains("left on a trolley");
        JsonNode pii = line.get("pii").get(0);
        assertThat(pii.propertyNames()).containsExactly("type", "start", "end");
        assertThat(pii.get("type").asString()).isEqualTo("nhs-number");
    }

    @Test
    void turnsABadLineIntoAnErrorObjectAndCarriesOn() {
        Run run = triage("""
                {"id": "1", "text": "Lovely midwives", "channel": "email"}
                this is not json
                {"id": "3", "channel": "email"}
                {"id": "4", "text": "Hello", "channel": "carrier-pigeon"}

                {"id": "5", "text": "The walk-in centre was quick", "channel": "walk-in"}
                """);
        assertThat(run.exit()).isZero();
        assertThat(run.lines()).hasSize(5);
        assertThat(run.lines().get(0).has("sentiment")).isTrue();
        assertThat(run.lines().get(1).get("id").isNull()).isTrue();
        assertThat(run.lines().get(1).get("error").asString()).contains("not JSON");
        assertThat(run.lines().get(2).get("id").asString()).isEqualTo("3");
        assertThat(run.lines().get(2).get("error").asString()).contains("text");
        assertThat(run.lines().get(3).get("error").asString()).contains("unknown channel");
        assertThat(run.lines().get(4).get("id").asString()).isEqualTo("5");
        assertThat(run.lines().get(4).has("urgency")).isTrue();
        assertThat(run.err()).contains("line 2").contains("3 of the input lines");
    }

    @Test
    void anIdThatIsAnObjectOrAnArrayIsAnErrorLineAndANumberIsRead() {
        Run run = triage("""
                {"id": {"nested": 1}, "text": "Lovely midwives", "channel": "email"}
                {"id": 42, "text": "Lovely midwives", "channel": "email"}
                {"id": ["a"], "text": "Lovely midwives"}
                {"id": "4", "text": "Kind staff", "channel": 7, "services": [{"x": 1}, "gp"]}
                {"id": "5", "text": "Kind staff", "services": [{"x": 1}, "gp"], "criticality": "high"}
                """);
        assertThat(run.exit()).isZero();
        assertThat(run.lines()).hasSize(5);
        assertThat(run.lines().get(0).get("id").isNull()).isTrue();
        assertThat(run.lines().get(0).get("error").asString()).contains("\"id\" must be a string or a number");
        assertThat(run.lines().get(1).get("id").asString()).isEqualTo("42");
        assertThat(run.lines().get(1).has("sentiment")).isTrue();
        assertThat(run.lines().get(2).get("error").asString()).contains("\"id\"");
        assertThat(run.lines().get(3).get("error").asString()).contains("channel");
        assertThat(run.lines().get(4).has("sentiment")).isTrue();
    }

    @Test
    void keepsInputOrderAcrossBatches() {
        StringBuilder input = new StringBuilder();
        for (int i = 0; i < 70; i++) {
            input.append("{\"id\": \"n")
                    .append(i)
                    .append("\", \"text\": \"ok ")
                    .append(i)
                    .append("\"}\n");
        }
        Run run = triage(input.toString());
        assertThat(run.lines()).hasSize(70);
        for (int i = 0; i < 70; i++) {
            assertThat(run.lines().get(i).get("id").asString()).isEqualTo("n" + i);
        }
    }

    @Test
    void refusesAMissingCatalogueFileBeforeLoadingModels() {
        ByteArrayOutputStream err = new ByteArrayOutputStream();
        int exit = TriageCommand.run(
                new String[] {"--services", "/no/such/catalogue.yaml"},
                new ByteArrayInputStream(new byte[0]),
                new PrintStream(new ByteArrayOutputStream()),
                new PrintStream(err, true, StandardCharsets.UTF_8));
        assertThat(exit).isEqualTo(2);
        assertThat(err.toString(StandardCharsets.UTF_8)).contains("Cannot read service catalogue");
    }
}
