package org.heard.triage.catalogue;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import org.yaml.snakeyaml.LoaderOptions;
import org.yaml.snakeyaml.Yaml;
import org.yaml.snakeyaml.constructor.SafeConstructor;

/**
 * The services a provider runs, loaded from YAML:
 *
 * <pre>
 * extends: default          # optional: start from the shipped NHS catalogue and add or override
 * services:
 *   - id: ward-12
 *     name: Ward 12 (stroke)
 *     parent: inpatient-ward
 *     terms: [ward 12, stroke unit]
 *     codes: [RX1CC]
 *     description: Stroke ward on the second floor of City Hospital   # optional
 * </pre>
 *
 * Without {@code extends: default} the file replaces the shipped catalogue. Immutable and thread-safe.
 */
public final class ServiceCatalogue {

    static final String DEFAULT_RESOURCE = "nhs-services.yaml";

    private final Map<String, Service> services;
    private final List<String> order;
    private final Map<String, String> codeToService;

    private ServiceCatalogue(Map<String, Service> services) {
        this.services = Map.copyOf(services);
        for (Service service : services.values()) {
            if (service.parent() != null && !services.containsKey(service.parent())) {
                throw new IllegalArgumentException(
                        "Service " + service.id() + " has unknown parent " + service.parent());
            }
        }
        for (Service service : services.values()) {
            requireNoCycle(service);
        }
        Map<String, String> codes = new LinkedHashMap<>();
        for (Service service : services.values()) {
            for (String code : service.codes()) {
                codes.put(code.toUpperCase(Locale.ROOT), service.id());
            }
        }
        this.codeToService = Map.copyOf(codes);
        this.order = List.copyOf(services.keySet());
    }

    /** The catalogue at {@code path}, or the shipped NHS catalogue when {@code path} is null. */
    public static ServiceCatalogue load(Path path) {
        if (path == null) {
            return defaults();
        }
        try {
            return parse(Files.readString(path, StandardCharsets.UTF_8), path.toString());
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot read service catalogue " + path, e);
        }
    }

    /** The shipped catalogue of common NHS service types. */
    public static ServiceCatalogue defaults() {
        try (InputStream in = ServiceCatalogue.class.getResourceAsStream(DEFAULT_RESOURCE)) {
            if (in == null) {
                throw new IllegalStateException("Default service catalogue missing from the classpath");
            }
            return parse(new String(in.readAllBytes(), StandardCharsets.UTF_8), DEFAULT_RESOURCE);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Parses catalogue YAML; {@code source} only names it in error messages. */
    public static ServiceCatalogue parse(String yaml, String source) {
        Object root = new Yaml(new SafeConstructor(new LoaderOptions())).load(yaml);
        if (!(root instanceof Map<?, ?> document)) {
            throw new IllegalArgumentException(source + ": expected a mapping with a 'services' list");
        }
        Map<String, Service> services = new LinkedHashMap<>();
        Object base = document.get("extends");
        if (base != null) {
            if (!"default".equals(String.valueOf(base))) {
                throw new IllegalArgumentException(source + ": 'extends' may only be 'default'");
            }
            for (Service service : defaults().services()) {
                services.put(service.id(), service);
            }
        }
        if (!(document.get("services") instanceof List<?> entries)) {
            throw new IllegalArgumentException(source + ": expected a 'services' list");
        }
        for (Object entry : entries) {
            if (!(entry instanceof Map<?, ?> fields)) {
                throw new IllegalArgumentException(source + ": each service must be a mapping");
            }
            Service service = new Service(
                    text(fields.get("id")),
                    text(fields.get("name")),
                    text(fields.get("parent")),
                    strings(fields.get("terms")),
                    strings(fields.get("codes")),
                    text(fields.get("description")));
            services.put(service.id(), service);
        }
        return new ServiceCatalogue(services);
    }

    public Collection<Service> services() {
        return order.stream().map(services::get).toList();
    }

    public Optional<Service> service(String id) {
        return Optional.ofNullable(services.get(id));
    }

    public boolean contains(String id) {
        return services.containsKey(id);
    }

    /** The parent's id, or empty at the top of the tree or for an unknown id. */
    public Optional<String> parentOf(String id) {
        Service service = services.get(id);
        return service == null ? Optional.empty() : Optional.ofNullable(service.parent());
    }

    /** Every service below {@code id}, at any depth, in catalogue order (not including {@code id}). */
    public List<String> descendantsOf(String id) {
        List<String> found = new ArrayList<>();
        for (String candidate : order) {
            if (!candidate.equals(id) && isWithin(candidate, id)) {
                found.add(candidate);
            }
        }
        return found;
    }

    /** True when {@code id} is {@code ancestor} or below it. */
    public boolean isWithin(String id, String ancestor) {
        String current = id;
        while (current != null) {
            if (current.equals(ancestor)) {
                return true;
            }
            Service service = services.get(current);
            current = service == null ? null : service.parent();
        }
        return false;
    }

    /** The service a channel hint names, by id or by NACS/ODS code. */
    public Optional<String> resolveHint(String hint) {
        if (hint == null || hint.isBlank()) {
            return Optional.empty();
        }
        String trimmed = hint.trim();
        if (services.containsKey(trimmed)) {
            return Optional.of(trimmed);
        }
        return Optional.ofNullable(codeToService.get(trimmed.toUpperCase(Locale.ROOT)));
    }

    private void requireNoCycle(Service start) {
        String current = start.parent();
        int steps = 0;
        while (current != null) {
            if (current.equals(start.id()) || ++steps > services.size()) {
                throw new IllegalArgumentException("Service " + start.id() + " is its own ancestor");
            }
            current = services.get(current).parent();
        }
    }

    private static String text(Object value) {
        return value == null ? null : String.valueOf(value).trim();
    }

    private static List<String> strings(Object value) {
        if (value == null) {
            return List.of();
        }
        if (value instanceof List<?> list) {
            return list.stream()
                    .filter(item -> item != null)
                    .map(item -> String.valueOf(item).trim())
                    .toList();
        }
        return List.of(String.valueOf(value).trim());
    }
}
