package org.heard.triage.catalogue;

import java.util.List;
import java.util.Objects;

/**
 * One service of the catalogue.
 *
 * @param id stable id (kebab case), used in tags and routing
 * @param name what staff call it
 * @param parent id of the service above it, or null at the top
 * @param terms how patients and staff name it in text (synonyms, lay terms, abbreviations)
 * @param codes NACS / ODS codes a channel may give as hints (a story's NACS code)
 */
public record Service(String id, String name, String parent, List<String> terms, List<String> codes) {

    public Service {
        Objects.requireNonNull(id, "id");
        if (!id.matches("[a-z0-9][a-z0-9-]*")) {
            throw new IllegalArgumentException("Service id must be lower-case kebab case: " + id);
        }
        name = name == null || name.isBlank() ? id : name;
        terms = terms == null ? List.of() : List.copyOf(terms);
        codes = codes == null ? List.of() : List.copyOf(codes);
    }
}
