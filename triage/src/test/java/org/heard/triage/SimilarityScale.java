package org.heard.triage;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.heard.triage.catalogue.Service;
import org.heard.triage.catalogue.ServiceCatalogue;

/**
 * Exploratory, not a test: prints, for comment texts, the highest cosine between each and each catalogue
 * entry's profile (name, terms, description) under the embedding model in use, so the similarity
 * threshold can be carried from one model to another at the same firing rate.
 * {@code java -cp ... -Dheard.embedding=... org.heard.triage.SimilarityScale texts.txt out.txt}
 */
public final class SimilarityScale {
    public static void main(String[] args) throws Exception {
        List<String> texts = Files.readAllLines(Path.of(args[0]));
        ServiceCatalogue catalogue = ServiceCatalogue.load(null);
        try (Embedder embedder = Embedder.load()) {
            List<float[]> profiles = new ArrayList<>();
            for (Service service : catalogue.services()) {
                List<String> parts = new ArrayList<>(List.of(service.name(), service.profile()));
                if (service.description() != null) {
                    parts.add(service.description());
                }
                for (float[] v : embedder.embed(parts)) {
                    profiles.add(v);
                }
            }
            List<String> out = new ArrayList<>();
            for (String text : texts) {
                float[] v = embedder.embed(text);
                double top = -1;
                for (float[] p : profiles) {
                    top = Math.max(top, Embedder.cosine(v, p));
                }
                out.add(Double.toString(top));
            }
            Files.write(Path.of(args[1]), out);
        }
    }
}
