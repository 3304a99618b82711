package org.heard.triage;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Properties;
import org.heard.contracts.Channel;
import org.heard.contracts.Sentiment;
import org.heard.contracts.Urgency;
import org.junit.jupiter.api.Test;

class CarefulGateTest {

    @Test
    void aCarefulReplyScoreAloneNeverRaisesPraise() {
        // Every score raises here (threshold 0): only the gate can keep praise normal.
        MentionTriage shipped = SharedTriage.get();
        Properties record = shipped.models().record();
        record.setProperty(TriageModels.CAREFUL_THRESHOLDS_KEY, "0:0");
        try (MentionTriage always = shipped.withModels(TriageModelsAccess.withRecord(shipped.models(), record))) {
            TriageResult praise = always.triage(TriageInput.of(
                    "p",
                    "The nurses on the children's ward made our daughter laugh every day. Thank you all.",
                    Channel.EMAIL));
            TriageResult complaint = always.triage(TriageInput.of(
                    "c",
                    "Nobody told us anything for six hours and the doctor was dismissive when we asked.",
                    Channel.EMAIL));
            assertThat(praise.sentiment().label()).isEqualTo(Sentiment.Label.POSITIVE);
            assertThat(praise.urgency().level()).isEqualTo(Urgency.Level.NORMAL);
            assertThat(complaint.urgency().level()).isEqualTo(Urgency.Level.HIGH);
        }
    }
}
