package org.heard.deploy;

import java.io.IOException;
import java.io.InputStream;
import java.io.Reader;
import java.io.UncheckedIOException;
import java.lang.reflect.ParameterizedType;
import java.lang.reflect.RecordComponent;
import java.lang.reflect.Type;
import java.net.URL;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.context.annotation.ClassPathScanningCandidateComponentProvider;
import org.springframework.core.type.filter.AnnotationTypeFilter;
import org.yaml.snakeyaml.LoaderOptions;
import org.yaml.snakeyaml.Yaml;
import org.yaml.snakeyaml.constructor.SafeConstructor;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * What Heard really reads, gathered from the code rather than written down twice: its
 * {@code @ConfigurationProperties} records, its {@code @Value} placeholders and
 * {@code @ConditionalOnProperty} switches, the shipped
 * {@code application.yaml}, and Spring Boot's own settings (the metadata its jars carry).
 *
 * @param heard Heard's own settings by name, with the default the code gives them
 * @param applicationYaml the shipped {@code application.yaml}, flattened; placeholders resolved to their defaults
 * @param placeholders environment variables {@code application.yaml} reads itself, e.g. {@code PORT}
 * @param spring Spring Boot's settings by name
 * @param springMaps Spring Boot's settings that take any key below them ({@code logging.level})
 */
record KnownSettings(
        Map<String, Setting> heard,
        Map<String, String> applicationYaml,
        Map<String, String> placeholders,
        Set<String> spring,
        Set<String> springMaps) {

    private static final Pattern VALUE = Pattern.compile("@Value\\(\"\\$\\{([^}:]+)(?::([^}]*))?}\"\\)");
    private static final Pattern CONDITIONAL = Pattern.compile("@ConditionalOnProperty\\(([^)]*)\\)");
    private static final Pattern PLACEHOLDER = Pattern.compile("\\$\\{([A-Za-z0-9_.\\-]+)(?::([^}]*))?}");

    static KnownSettings of(Path repository) {
        Map<String, Setting> heard = new LinkedHashMap<>();
        fromRecords().forEach(setting -> heard.put(setting.name(), setting));
        fromValueAnnotations(repository).forEach(setting -> heard.putIfAbsent(setting.name(), setting));
        Map<String, String> placeholders = new LinkedHashMap<>();
        Map<String, String> applicationYaml =
                applicationYaml(repository.resolve("desk-ui/src/main/resources/application.yaml"), placeholders);
        Set<String> spring = new TreeSet<>();
        Set<String> springMaps = new TreeSet<>();
        springMetadata(spring, springMaps);
        return new KnownSettings(heard, applicationYaml, placeholders, spring, springMaps);
    }

    /** Is this (concrete or reference-notation) name a setting anything in Heard reads? */
    boolean exists(String name) {
        String normalised = Setting.normalised(name);
        if (heard.containsKey(normalised) || spring.contains(name) || applicationYaml.containsKey(name)) {
            return true;
        }
        return springMaps.stream().anyMatch(map -> name.startsWith(map + "."));
    }

    /** The value a setting has when nothing is configured: application.yaml first, then the code. */
    Optional<String> defaultOf(String name) {
        if (applicationYaml.containsKey(name)) {
            return Optional.of(applicationYaml.get(name));
        }
        return Optional.ofNullable(heard.get(Setting.normalised(name))).flatMap(Setting::defaultValue);
    }

    // --- Heard's @ConfigurationProperties records -------------------------------------------

    static Stream<Setting> fromRecords() {
        var scanner = new ClassPathScanningCandidateComponentProvider(false);
        scanner.addIncludeFilter(new AnnotationTypeFilter(ConfigurationProperties.class));
        return scanner.findCandidateComponents("org.heard").stream()
                .map(definition -> load(definition.getBeanClassName()))
                .filter(KnownSettings::isApplicationCode)
                .flatMap(type -> {
                    var annotation = type.getAnnotation(ConfigurationProperties.class);
                    String prefix = annotation.prefix().isEmpty() ? annotation.value() : annotation.prefix();
                    return settingsOf(type, prefix, type.getName());
                });
    }

    static Stream<Setting> settingsOf(Class<?> type, String prefix, String source) {
        if (!type.isRecord()) {
            throw new IllegalStateException(type.getName() + ": Heard's settings are records (house style)");
        }
        RecordComponent[] components = type.getRecordComponents();
        var parameters = canonicalConstructorParameters(type);
        return java.util.stream.IntStream.range(0, components.length).boxed().flatMap(i -> {
            RecordComponent component = components[i];
            String name = prefix + "." + kebab(component.getName());
            DefaultValue defaultValue = parameters[i].getAnnotation(DefaultValue.class);
            Class<?> raw = component.getType();
            if (isHeardRecord(raw)) {
                return settingsOf(raw, name, source);
            }
            if (Collection.class.isAssignableFrom(raw)
                    && elementType(component.getGenericType(), 0) instanceof Class<?> element
                    && isHeardRecord(element)) {
                return settingsOf(element, name + "[N]", source);
            }
            if (Map.class.isAssignableFrom(raw)) {
                return Stream.of(new Setting(name + ".<key>", Optional.empty(), source));
            }
            Optional<String> value = defaultValue == null || defaultValue.value().length == 0
                    ? Optional.empty()
                    : Optional.of(String.join(",", defaultValue.value()));
            return Stream.of(new Setting(name, value, source));
        });
    }

    private static java.lang.reflect.Parameter[] canonicalConstructorParameters(Class<?> type) {
        Class<?>[] types = Stream.of(type.getRecordComponents())
                .map(RecordComponent::getType)
                .toArray(Class<?>[]::new);
        try {
            return type.getDeclaredConstructor(types).getParameters();
        } catch (NoSuchMethodException e) {
            throw new IllegalStateException(type.getName() + " has no canonical constructor", e);
        }
    }

    private static Type elementType(Type generic, int index) {
        return generic instanceof ParameterizedType parameterized
                ? parameterized.getActualTypeArguments()[index]
                : Object.class;
    }

    /**
     * A record of Heard's that binds as a group of settings. One with a single {@code String}
     * component (a {@code Secret("env:NAME")}) is one setting: Spring converts the text through
     * its constructor.
     */
    private static boolean isHeardRecord(Class<?> type) {
        if (!type.isRecord() || !type.getPackageName().startsWith("org.heard")) {
            return false;
        }
        var components = type.getRecordComponents();
        return !(components.length == 1 && components[0].getType() == String.class);
    }

    /** Only the application's own classes: test code may declare settings of its own. */
    private static boolean isApplicationCode(Class<?> type) {
        var location = type.getProtectionDomain().getCodeSource().getLocation().toString();
        return !location.contains("test-classes") && !location.contains("-tests.jar");
    }

    private static Class<?> load(String name) {
        try {
            return Class.forName(name, false, KnownSettings.class.getClassLoader());
        } catch (ClassNotFoundException e) {
            throw new IllegalStateException(e);
        }
    }

    static String kebab(String camel) {
        return camel.replaceAll("([a-z0-9])([A-Z])", "$1-$2").toLowerCase(java.util.Locale.ROOT);
    }

    // --- @Value("${...}") in the main sources -----------------------------------------------

    static Stream<Setting> fromValueAnnotations(Path repository) {
        try (Stream<Path> modules = Files.list(repository)) {
            return modules
                    .map(module -> module.resolve("src/main/java"))
                    .filter(Files::isDirectory)
                    .flatMap(KnownSettings::javaFiles)
                    .flatMap(file -> valueAnnotations(repository, file))
                    .filter(setting -> setting.name().startsWith("heard."))
                    .toList()
                    .stream();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static Stream<Path> javaFiles(Path sources) {
        try (Stream<Path> files = Files.walk(sources)) {
            return files.filter(file -> file.toString().endsWith(".java")).toList().stream();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static Stream<Setting> valueAnnotations(Path repository, Path file) {
        try {
            String source = Files.readString(file, StandardCharsets.UTF_8);
            String where = repository.relativize(file).toString();
            Stream.Builder<Setting> found = Stream.builder();
            Matcher value = VALUE.matcher(source);
            while (value.find()) {
                Optional<String> defaultValue = Optional.ofNullable(value.group(2))
                        .map(text -> constantDefault(repository, text))
                        .filter(text -> !text.isEmpty());
                found.add(new Setting(value.group(1), defaultValue, where));
            }
            Matcher condition = CONDITIONAL.matcher(source);
            while (condition.find()) {
                String arguments = condition.group(1);
                String prefix = attribute(arguments, "prefix").map(p -> p + ".").orElse("");
                Optional<String> name = attribute(arguments, "name")
                        .or(() -> attribute(arguments, "value"))
                        .or(() -> Optional.of(arguments)
                                .filter(a -> a.strip().startsWith("\""))
                                .map(a -> a.strip().substring(1, a.strip().indexOf('"', 1))));
                boolean onWhenMissing = arguments.contains("matchIfMissing = true");
                String having = attribute(arguments, "havingValue").orElse("true");
                name.ifPresent(n -> found.add(
                        new Setting(prefix + n, onWhenMissing ? Optional.of(having) : Optional.empty(), where)));
            }
            return found.build();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static Optional<String> attribute(String arguments, String name) {
        Matcher matcher =
                Pattern.compile("\\b" + name + "\\s*=\\s*\"([^\"]*)\"").matcher(arguments);
        return matcher.find() ? Optional.of(matcher.group(1)) : Optional.empty();
    }

    /** A default written as a constant ({@code "${x:" + Settings.DEFAULT + "}"}), read from the class. */
    private static String constantDefault(Path repository, String text) {
        Matcher constant = Pattern.compile("\"\\s*\\+\\s*([A-Z][A-Za-z0-9_]*)\\.([A-Z0-9_]+)\\s*\\+\\s*\"")
                .matcher(text);
        if (!constant.matches()) {
            return text;
        }
        try (Stream<Path> modules = Files.list(repository)) {
            Path declaring = modules.map(module -> module.resolve("src/main/java"))
                    .filter(Files::isDirectory)
                    .flatMap(KnownSettings::javaFiles)
                    .filter(file -> file.getFileName().toString().equals(constant.group(1) + ".java"))
                    .findFirst()
                    .orElseThrow(() ->
                            new IllegalStateException("no class " + constant.group(1) + " for the default " + text));
            String relative = declaring.toString().replaceFirst(".*?/src/main/java/", "");
            String className =
                    relative.substring(0, relative.length() - ".java".length()).replace('/', '.');
            return String.valueOf(
                    Class.forName(className).getField(constant.group(2)).get(null));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (ReflectiveOperationException e) {
            throw new IllegalStateException("cannot read the default " + text, e);
        }
    }

    // --- application.yaml --------------------------------------------------------------------

    static Map<String, String> applicationYaml(Path file, Map<String, String> placeholders) {
        try (Reader reader = Files.newBufferedReader(file, StandardCharsets.UTF_8)) {
            Object root = new Yaml(new SafeConstructor(new LoaderOptions())).load(reader);
            Map<String, String> flat = new LinkedHashMap<>();
            flatten("", root, flat);
            flat.replaceAll((name, value) -> {
                Matcher matcher = PLACEHOLDER.matcher(value);
                if (matcher.matches()) {
                    placeholders.put(matcher.group(1), name);
                    return matcher.group(2) == null ? "" : matcher.group(2);
                }
                return value;
            });
            return flat;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static void flatten(String prefix, Object node, Map<String, String> into) {
        if (node instanceof Map<?, ?> map) {
            map.forEach(
                    (key, value) -> flatten(prefix.isEmpty() ? String.valueOf(key) : prefix + "." + key, value, into));
        } else if (node instanceof Collection<?> list) {
            into.put(prefix, String.join(",", list.stream().map(String::valueOf).toList()));
        } else if (node != null) {
            into.put(prefix, String.valueOf(node));
        }
    }

    // --- Spring Boot's metadata ----------------------------------------------------------------

    private static void springMetadata(Set<String> names, Set<String> maps) {
        var mapper = JsonMapper.builder().build();
        try {
            var resources =
                    KnownSettings.class.getClassLoader().getResources("META-INF/spring-configuration-metadata.json");
            while (resources.hasMoreElements()) {
                URL resource = resources.nextElement();
                try (InputStream in = resource.openStream()) {
                    JsonNode metadata = mapper.readTree(in);
                    for (JsonNode property : metadata.path("properties")) {
                        String name = property.path("name").asString();
                        names.add(name);
                        if (property.path("type").asString("").startsWith("java.util.Map<")) {
                            maps.add(name);
                        }
                    }
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
