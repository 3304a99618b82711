package org.heard.triage;

import static org.assertj.core.api.Assertions.assertThat;

import dev.langchain4j.model.embedding.onnx.bgesmallenv15q.BgeSmallEnV15QuantizedEmbeddingModel;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

class EmbedderTest {

    private static Embedder embedder;

    @BeforeAll
    static void load() {
        embedder = Embedder.load();
    }

    @AfterAll
    static void close() {
        embedder.close();
    }

    @Test
    void vectorsMatchTheBundledModel() {
        var reference = new BgeSmallEnV15QuantizedEmbeddingModel();
        List<String> texts = List.of(
                "The waiting room on ward 5 was freezing.",
                "Thank you to the paramedics who looked after my mum, they were kind and calm and explained everything to us.",
                "ok");
        float[][] batched = embedder.embed(texts);
        for (int i = 0; i < texts.size(); i++) {
            float[] expected = reference.embed(texts.get(i)).content().vector();
            assertThat(Embedder.cosine(batched[i], expected)).as(texts.get(i)).isGreaterThan(0.999);
        }
    }

    @Test
    void similarTextsLieCloserThanUnrelatedOnes() {
        float[][] v = embedder.embed(List.of(
                "I called the crisis team and nobody rang back",
                "the mental health crisis line never returned my call",
                "the car park charges are too high"));
        assertThat(Embedder.cosine(v[0], v[1])).isGreaterThan(Embedder.cosine(v[0], v[2]) + 0.2);
    }

    @Test
    void blankTextsGetTheZeroVector() {
        float[][] v = embedder.embed(List.of("", "   ", "hello"));
        assertThat(v[0]).containsOnly(0f);
        assertThat(v[1]).containsOnly(0f);
        assertThat(Embedder.cosine(v[2], v[2])).isCloseTo(1.0, org.assertj.core.data.Offset.offset(1e-4));
    }
}
