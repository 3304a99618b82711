package org.heard.triage;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** A model folder (what train writes, what heard.triage.model-dir points at) loads as the shipped set does. */
class TriageModelsTest {

    @Test
    void aWrittenModelFolderLoadsBackWithTheSameHeadsAndRecord(@TempDir Path folder) throws Exception {
        TriageModels shipped = TriageModels.shipped();
        shipped.writeTo(folder);
        TriageModels loaded = TriageModels.from(folder);
        assertThat(loaded.version()).isEqualTo(shipped.version());
        assertThat(loaded.record()).isEqualTo(shipped.record());
        float[] embedding = new float[Embedder.DIMENSIONS];
        embedding[3] = 0.6f;
        embedding[100] = -0.8f;
        Features.Vector vector =
                new Features.Vector(embedding, new double[Features.CORENLP_SIZE], new int[] {7, 4242, 99_999});
        assertThat(loaded.sentiment().probabilities(vector))
                .containsExactly(shipped.sentiment().probabilities(vector));
        assertThat(loaded.service().probabilities(vector))
                .containsExactly(shipped.service().probabilities(vector));
        assertThat(loaded.careful().probabilities(vector))
                .containsExactly(shipped.careful().probabilities(vector));
    }

    @Test
    void aFolderWithoutTheModelsSaysWhatIsMissing(@TempDir Path folder) throws Exception {
        Files.writeString(folder.resolve(TriageModels.RECORD_FILE), "model=x\n");
        assertThatThrownBy(() -> TriageModels.from(folder))
                .hasMessageContaining(TriageModels.SENTIMENT_FILE)
                .hasMessageContaining("train");
    }
}
