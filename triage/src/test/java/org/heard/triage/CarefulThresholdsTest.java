package org.heard.triage;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import org.junit.jupiter.api.Test;

class CarefulThresholdsTest {

    private final CarefulThresholds bands =
            new CarefulThresholds(List.of(0, 15, 30, 60), List.of(0.01, 0.02, 0.3, 0.99));

    @Test
    void aMentionTakesTheThresholdOfItsLengthBand() {
        assertThat(bands.at(0)).isEqualTo(0.01);
        assertThat(bands.at(14)).isEqualTo(0.01);
        assertThat(bands.at(15)).isEqualTo(0.02);
        assertThat(bands.at(59)).isEqualTo(0.3);
        assertThat(bands.at(60)).isEqualTo(0.99);
        assertThat(bands.at(5_000)).isEqualTo(0.99);
    }

    @Test
    void readsBackWhatItWritesForTheModelRecord() {
        assertThat(bands.format()).isEqualTo("0:0.0100,15:0.0200,30:0.3000,60:0.9900");
        assertThat(CarefulThresholds.parse(bands.format())).isEqualTo(bands);
    }

    @Test
    void aMissingOrMalformedRecordValueReadsAsAbsent() {
        assertThat(CarefulThresholds.parse(null)).isNull();
        assertThat(CarefulThresholds.parse("0:0.1,15")).isNull();
        assertThat(CarefulThresholds.parse("15:0.1")).isNull();
    }

    @Test
    void bandsMustStartAtZeroAndAscend() {
        assertThatThrownBy(() -> new CarefulThresholds(List.of(0, 30, 15), List.of(0.1, 0.2, 0.3)))
                .isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> new CarefulThresholds(List.of(0, 15), List.of(0.1)))
                .isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void theShippedModelsCarryABandPerLength() {
        CarefulThresholds shipped = TriageModels.shipped().carefulThresholds();
        assertThat(shipped.fromTokens()).isEqualTo(CarefulThresholds.BANDS);
        // Long texts score higher whatever they say: the longest band needs the surest score.
        assertThat(shipped.thresholds().getLast())
                .isGreaterThan(shipped.thresholds().getFirst());
    }

    @Test
    void aModelSetWithOneThresholdUsesItAtEveryLength() {
        java.util.Properties record = TriageModels.shipped().record();
        record.remove(TriageModels.CAREFUL_THRESHOLDS_KEY);
        record.setProperty(TriageModels.CAREFUL_THRESHOLD_KEY, "0.25");
        TriageModels shipped = TriageModels.shipped();
        TriageModels older = new TriageModels(shipped.sentiment(), shipped.service(), shipped.careful(), record);
        assertThat(older.carefulThresholds()).isEqualTo(CarefulThresholds.single(0.25));
    }
}
