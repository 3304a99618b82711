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
 * @param description optional: a sentence or two on what the service is and does, in the words
 *     patients use; triage compares mentions with it (and with the name and terms), so a trust's own
 *     wards and sites are recognised without retraining
 */
public record Service(
        String id, String name, String parent, List<String> terms, List<String> codes, String description) {

    public Service(String id, String name, String parent, List<String> terms, List<String> codes) {
        this(id, name, parent, terms, codes, null);
    }

    public Service {
        Objects.requireNonNull(id, "id");
        if (!id.matches("[a-z0-9][a-z0-9-]*")) {
            throw new IllegalArgumentException("Service id must be lower-case kebab case: " + id);
        }
        name = name == null || name.isBlank() ? id : name;
        terms = terms == null ? List.of() : List.copyOf(terms);
        codes = codes == null ? List.of() : List.copyOf(codes);
        description = description == null || description.isBlank() ? null : description.trim();
    }

    /** How the service reads as text, for comparing mentions with it: name, description and terms. */
    public String profile() {
        StringBuilder text = new StringBuilder(name);
        if (description != null) {
            text.append(". ").append(description);
        }
        if (!terms.isEmpty()) {
            text.append(". ").append(String.join(", ", terms));
        }
        return text.toString();
    }
}
