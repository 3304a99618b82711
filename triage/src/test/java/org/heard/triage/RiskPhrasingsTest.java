package org.heard.triage;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import org.heard.contracts.Channel;
import org.heard.contracts.Urgency;
import org.junit.jupiter.api.Test;

/**
 * The risk phrasings set (risk-phrasings.tsv, also scored by the evaluate command): passive suicidal
 * ideation and hopelessness, first person and reported, are {@code immediate}; figures of speech,
 * negation, the distant past and everyday near-misses are not.
 */
class RiskPhrasingsTest {

    private record Phrasing(boolean risk, String text) {}

    private static List<Phrasing> phrasings() throws IOException {
        try (InputStream in = RiskPhrasingsTest.class.getResourceAsStream("risk-phrasings.tsv")) {
            List<Phrasing> found = new ArrayList<>();
            for (String line : new String(in.readAllBytes(), StandardCharsets.UTF_8).split("\n")) {
                if (line.isBlank() || line.startsWith("#")) {
                    continue;
                }
                String[] parts = line.split("\t", 2);
                found.add(new Phrasing(parts[0].equals("immediate"), parts[1]));
            }
            return found;
        }
    }

    private static List<String> wronglyTagged(boolean risk) throws IOException {
        List<Phrasing> chosen =
                phrasings().stream().filter(p -> p.risk() == risk).toList();
        List<TriageResult> results = SharedTriage.get()
                .triageAll(chosen.stream()
                        .map(p -> TriageInput.of("p", p.text(), Channel.EMAIL))
                        .toList());
        List<String> wrong = new ArrayList<>();
        for (int i = 0; i < chosen.size(); i++) {
            boolean immediate = results.get(i).urgency().level() == Urgency.Level.IMMEDIATE;
            if (immediate != risk) {
                wrong.add(chosen.get(i).text() + " -> " + results.get(i).urgency());
            }
        }
        return wrong;
    }

    @Test
    void everyPassiveIdeationPhrasingIsImmediate() throws IOException {
        assertThat(wronglyTagged(true)).isEmpty();
    }

    @Test
    void noFigureOfSpeechOrNearMissIsImmediate() throws IOException {
        assertThat(wronglyTagged(false)).isEmpty();
    }

    @Test
    void theReasonIsTheSentenceItself() {
        String text = "I called the crisis team three times and nobody called back. I don't want to be here anymore.";
        Urgency urgency = SharedTriage.get()
                .triage(TriageInput.of("p", text, Channel.EMAIL))
                .urgency();
        assertThat(urgency.level()).isEqualTo(Urgency.Level.IMMEDIATE);
        assertThat(urgency.reasons()).contains("I don't want to be here anymore.");
        assertThat(urgency.reasons()).allSatisfy(reason -> assertThat(text).contains(reason));
    }
}
