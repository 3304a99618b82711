package org.heard.deploy;

import java.io.IOException;
import java.io.Reader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.yaml.snakeyaml.LoaderOptions;
import org.yaml.snakeyaml.Yaml;
import org.yaml.snakeyaml.constructor.SafeConstructor;

/** The repository's {@code deploy/} folder and every YAML document in it. */
record DeployFolder(Path root, List<Manifest> manifests) {

    /** Finds {@code deploy/} from the module's working directory (desk-ui/) or the repository root. */
    static DeployFolder ofRepository() {
        Path here = Path.of("").toAbsolutePath();
        for (Path candidate = here; candidate != null; candidate = candidate.getParent()) {
            if (Files.isRegularFile(candidate.resolve("deploy/configuration.md"))) {
                return load(candidate.resolve("deploy"));
            }
        }
        throw new IllegalStateException("No deploy/configuration.md above " + here);
    }

    static DeployFolder load(Path root) {
        List<Manifest> manifests = new ArrayList<>();
        try (Stream<Path> files = Files.walk(root)) {
            for (Path file : files.filter(DeployFolder::isYaml).sorted().toList()) {
                manifests.addAll(parse(file));
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return new DeployFolder(root, List.copyOf(manifests));
    }

    Path repository() {
        return root.getParent();
    }

    /** Whole Kubernetes objects; patches, which change objects defined elsewhere, are apart. */
    List<Manifest> kubernetes() {
        Set<Path> patches = patchFiles();
        return manifests.stream()
                .filter(manifest -> manifest.file().startsWith(root.resolve("kubernetes")))
                .filter(manifest -> !manifest.kind().equals("Kustomization"))
                .filter(manifest -> !patches.contains(manifest.file()))
                .toList();
    }

    /** The documents of the files kustomizations name as patches ({@code patches[].path}). */
    List<Manifest> patches() {
        Set<Path> patches = patchFiles();
        return manifests.stream()
                .filter(manifest -> patches.contains(manifest.file()))
                .toList();
    }

    private Set<Path> patchFiles() {
        return kustomizations().stream()
                .flatMap(kustomization -> Manifest.list(kustomization.content(), "patches").stream()
                        .map(patch -> Manifest.text(patch, "path"))
                        .flatMap(Optional::stream)
                        .map(path ->
                                kustomization.file().getParent().resolve(path).normalize()))
                .collect(Collectors.toSet());
    }

    List<Manifest> kustomizations() {
        return manifests.stream()
                .filter(manifest -> manifest.kind().equals("Kustomization"))
                .toList();
    }

    List<Manifest> compose() {
        return manifests.stream()
                .filter(manifest -> manifest.file().getFileName().toString().matches("(docker-)?compose.*\\.ya?ml"))
                .toList();
    }

    private static boolean isYaml(Path file) {
        String name = file.getFileName().toString();
        return Files.isRegularFile(file) && (name.endsWith(".yaml") || name.endsWith(".yml"));
    }

    /** Every document of a (multi-document) YAML file; a file that does not parse fails naming it. */
    @SuppressWarnings("unchecked")
    static List<Manifest> parse(Path file) {
        var yaml = new Yaml(new SafeConstructor(new LoaderOptions()));
        List<Manifest> documents = new ArrayList<>();
        try (Reader reader = Files.newBufferedReader(file, StandardCharsets.UTF_8)) {
            int index = 0;
            for (Object document : yaml.loadAll(reader)) {
                if (document == null) {
                    continue; // an empty document after a trailing ---
                }
                if (!(document instanceof Map<?, ?> map)) {
                    throw new IllegalStateException(file + ": document " + (index + 1) + " is not a mapping");
                }
                documents.add(new Manifest(file, index++, (Map<String, Object>) map));
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (RuntimeException e) {
            throw new IllegalStateException(file + " is not valid YAML: " + e.getMessage(), e);
        }
        return documents;
    }
}
