package org.heard.platform.embedded;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermission;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;
import org.springframework.security.crypto.bcrypt.BCryptPasswordEncoder;

/**
 * Writes the node's own configuration directory (ES_PATH_CONF) on every start, so the settings
 * below are always the ones in force and the distribution stays read-only and shared.
 *
 * <p>Security: patient data must not be readable by other local users, and the node is only ever
 * reached over loopback. So security stays on (every request needs a password), TLS is off
 * (Elasticsearch allows that for a single-node cluster; loopback traffic does not leave the
 * machine), auto-configuration is off (it would rewrite this config and enrol certificates), and
 * the only way in is one file-realm superuser whose bcrypt hash is written here. The reserved
 * {@code elastic} user is disabled: nobody would know its password. The built-in roles are not
 * copied into the {@code .security} index ({@link #JVM_OPTIONS}): this minimal distribution cannot
 * create that index (it lacks analysis-common) and the file realm does not need it.
 */
final class NodeConfiguration {

    static final Set<PosixFilePermission> OWNER_ONLY_DIRECTORY = PosixFilePermissions.fromString("rwx------");
    static final Set<PosixFilePermission> OWNER_ONLY_FILE = PosixFilePermissions.fromString("rw-------");
    private static final List<String> COPIED_FROM_DISTRIBUTION =
            List.of("log4j2.properties", "roles.yml", "role_mapping.yml");

    /** Added to the heap settings in ES_JAVA_OPTS. */
    static final String JVM_OPTIONS = "-Des.queryable_built_in_roles_enabled=false";

    private NodeConfiguration() {}

    static void write(
            Path elasticsearchHome,
            NodeLayout layout,
            EmbeddedElasticsearch.Settings settings,
            NodeCredentials credentials)
            throws IOException {
        Path config = layout.config();
        for (Path directory : List.of(
                layout.dataDirectory(),
                config,
                config.resolve("jvm.options.d"),
                layout.data(),
                layout.logs(),
                layout.tmp())) {
            Files.createDirectories(directory);
            Files.setPosixFilePermissions(directory, OWNER_ONLY_DIRECTORY);
        }
        for (String name : COPIED_FROM_DISTRIBUTION) {
            writeOwnerOnly(
                    config.resolve(name),
                    Files.readString(elasticsearchHome.resolve("config").resolve(name)));
        }
        writeOwnerOnly(config.resolve("elasticsearch.yml"), elasticsearchYml(layout, settings));
        writeOwnerOnly(
                config.resolve("jvm.options"),
                jvmOptions(Files.readAllLines(elasticsearchHome.resolve("config/jvm.options")), layout));
        String hash = new BCryptPasswordEncoder().encode(credentials.password());
        writeOwnerOnly(config.resolve("users"), credentials.username() + ":" + hash + "\n");
        writeOwnerOnly(config.resolve("users_roles"), "superuser:" + credentials.username() + "\n");
    }

    static String elasticsearchYml(NodeLayout layout, EmbeddedElasticsearch.Settings settings) {
        return """
                # Written by Heard on every start of its embedded node; changes here are overwritten.
                cluster.name: heard
                %s
                network.host: %s
                http.port: %d
                path.data: %s
                path.logs: %s
                # Lets Heard learn the HTTP port the node bound when http.port is 0.
                node.portsfile: true
                # Share a small machine with the application.
                node.processors: %d
                action.destructive_requires_name: true
                xpack.security.enabled: true
                xpack.security.autoconfiguration.enabled: false
                xpack.security.http.ssl.enabled: false
                xpack.security.transport.ssl.enabled: false
                xpack.security.authc.reserved_realm.enabled: false
                xpack.security.authc.realms.file.heard.order: 0
                xpack.ml.enabled: false
                """.formatted(
                        discovery(settings.cluster()),
                        yamlString(settings.host()),
                        settings.httpPort(),
                        yamlString(layout.data().toString()),
                        yamlString(layout.logs().toString()),
                        processors());
    }

    /**
     * Keeps the distribution's JVM options but points the files it writes relative to the
     * distribution (GC log, crash file) at the node's own logs, because the distribution is shared
     * and read-only for the node's user. Heap dumps are dropped: they would copy patient data.
     */
    static String jvmOptions(List<String> distributionOptions, NodeLayout layout) {
        String logs = layout.logs().toString();
        return distributionOptions.stream()
                .filter(line -> !line.contains("HeapDumpOnOutOfMemoryError") && !line.contains("HeapDumpPath"))
                .map(line -> line.startsWith("-XX:ErrorFile=") ? "-XX:ErrorFile=" + logs + "/hs_err_pid%p.log" : line)
                .map(line -> line.startsWith("-Xlog:gc")
                        ? "-Xlog:gc*:file=" + logs + "/gc.log:utctime,level,pid,tags:filecount=4,filesize=16m"
                        : line)
                .collect(Collectors.joining("\n", "", "\n"));
    }

    /** A cluster of one, or this node's place among others on this machine (transport TLS stays off: loopback only). */
    private static String discovery(EmbeddedElasticsearch.ClusterJoin join) {
        if (join == null) {
            return "node.name: heard-embedded\n"
                    + "discovery.type: single-node\n"
                    + "# The node talks to nobody over transport; any free loopback port will do.\n"
                    + "transport.port: 0";
        }
        return "node.name: " + yamlString(join.nodeName()) + "\n"
                + "transport.port: " + join.transportPort() + "\n"
                + "discovery.seed_hosts: ["
                + join.seedHosts().stream().map(NodeConfiguration::yamlString).collect(Collectors.joining(", ")) + "]\n"
                + "cluster.initial_master_nodes: ["
                + join.initialMasterNodes().stream()
                        .map(NodeConfiguration::yamlString)
                        .collect(Collectors.joining(", "))
                + "]";
    }

    private static int processors() {
        return Math.max(1, Math.min(2, Runtime.getRuntime().availableProcessors() / 2));
    }

    private static String yamlString(String value) {
        return "'" + value.replace("'", "''") + "'";
    }

    private static void writeOwnerOnly(Path file, String content) throws IOException {
        Files.deleteIfExists(file);
        Files.createFile(file, PosixFilePermissions.asFileAttribute(OWNER_ONLY_FILE));
        Files.writeString(file, content, StandardCharsets.UTF_8);
    }
}
