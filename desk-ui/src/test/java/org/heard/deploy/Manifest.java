package org.heard.deploy;

import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/** One YAML document from {@code deploy/}: a Kubernetes object, a kustomization or a compose file. */
record Manifest(Path file, int document, Map<String, Object> content) {

    String kind() {
        return text(content, "kind").orElse("");
    }

    String name() {
        return map(content, "metadata")
                .flatMap(metadata -> text(metadata, "name"))
                .orElse("");
    }

    /** Where a problem is, for the message: the file relative to deploy/, the document, the object. */
    String where(Path deployFolder) {
        String object = kind().isEmpty() ? "" : " " + kind() + (name().isEmpty() ? "" : "/" + name());
        return deployFolder.relativize(file) + (document > 0 ? " (document " + (document + 1) + ")" : "") + object;
    }

    @SuppressWarnings("unchecked")
    static Optional<Map<String, Object>> map(Object parent, String key) {
        return parent instanceof Map<?, ?> m && m.get(key) instanceof Map<?, ?> child
                ? Optional.of((Map<String, Object>) child)
                : Optional.empty();
    }

    @SuppressWarnings("unchecked")
    static List<Object> list(Object parent, String key) {
        return parent instanceof Map<?, ?> m && m.get(key) instanceof List<?> child ? (List<Object>) child : List.of();
    }

    static Optional<String> text(Object parent, String key) {
        return parent instanceof Map<?, ?> m
                        && m.get(key) != null
                        && !(m.get(key) instanceof Map<?, ?>)
                        && !(m.get(key) instanceof List<?>)
                ? Optional.of(String.valueOf(m.get(key)))
                : Optional.empty();
    }

    /** The value at a path of keys, e.g. {@code at(x, "spec", "template", "spec")}. */
    static Optional<Object> at(Object root, String... path) {
        Object current = root;
        for (String key : path) {
            if (!(current instanceof Map<?, ?> m) || !m.containsKey(key)) {
                return Optional.empty();
            }
            current = m.get(key);
        }
        return Optional.ofNullable(current);
    }
}
