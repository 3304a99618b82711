package org.heard.triage;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URL;
import org.junit.jupiter.api.Test;

/**
 * The application jar carries only the CoreNLP model files triage loads, unpacked into triage's own
 * classes at build time; the whole models jar is for building and evaluating. Each must be there.
 */
class NlpModelFilesTest {

    @Test
    void everyModelFileTheTriageLoadsIsUnpackedIntoItsOwnClasses() {
        for (String file : Nlp.MODEL_FILES) {
            URL url = Nlp.class.getClassLoader().getResource(file);
            assertThat(url).as(file).isNotNull();
            // From target/classes (a file), not from inside the 474 MB models jar.
            assertThat(url.getProtocol()).as(file + " at " + url).isEqualTo("file");
        }
    }

    @Test
    void theEmbeddingModelAndItsTokenizerAreOnTheClasspath() {
        assertThat(Embedder.class.getResource(Embedder.MODEL_RESOURCE)).isNotNull();
        assertThat(Embedder.class.getResource(Embedder.TOKENIZER_RESOURCE)).isNotNull();
    }

    @Test
    void theShippedHeadsAndTheirRecordAreOnTheClasspath() {
        for (String file : TriageModels.FILES) {
            assertThat(TriageModels.class.getResource(TriageModels.RESOURCES + file))
                    .as(file)
                    .isNotNull();
        }
        assertThat(TriageModels.shipped().record().getProperty("licence")).contains("CC BY-NC-SA");
    }
}
