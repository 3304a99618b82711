package org.heard.platform.embedded;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.List;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.security.crypto.bcrypt.BCryptPasswordEncoder;

class NodeConfigurationTest {

    @TempDir
    Path root;

    private Path home;
    private NodeLayout layout;
    private final NodeCredentials credentials = new NodeCredentials("heard", "a-long-generated-password-0123456789");

    @BeforeEach
    void distribution() throws IOException {
        home = Files.createDirectories(root.resolve("elasticsearch-9.2.8"));
        Path config = Files.createDirectories(home.resolve("config"));
        Files.writeString(config.resolve("jvm.options"), """
                -XX:+UseG1GC
                20-:--add-modules=jdk.incubator.vector
                -XX:+HeapDumpOnOutOfMemoryError
                -XX:ErrorFile=hs_err_pid%p.log
                -Xlog:gc*,gc+age=trace,safepoint:file=gc.log:utctime,level,pid,tags:filecount=32,filesize=64m
                """);
        for (String name : List.of("log4j2.properties", "roles.yml", "role_mapping.yml")) {
            Files.writeString(config.resolve(name), "# " + name + "\n");
        }
        layout = new NodeLayout(root.resolve("data/elasticsearch"));
    }

    @Test
    void keepsSecurityOnWithPlainHttpOnLoopbackAndNoAutoConfiguration() throws IOException {
        NodeConfiguration.write(home, layout, EmbeddedElasticsearch.Settings.in(layout.dataDirectory()), credentials);

        assertThat(Files.readString(layout.config().resolve("elasticsearch.yml")))
                .contains("xpack.security.enabled: true")
                .contains("xpack.security.autoconfiguration.enabled: false")
                .contains("xpack.security.http.ssl.enabled: false")
                .contains("xpack.security.transport.ssl.enabled: false")
                .contains("xpack.security.authc.reserved_realm.enabled: false")
                .contains("xpack.security.authc.realms.file.heard.order: 0")
                .contains("discovery.type: single-node")
                .contains("network.host: '127.0.0.1'")
                .contains("http.port: 0")
                .contains("path.data: '" + layout.data() + "'")
                .contains("path.logs: '" + layout.logs() + "'")
                .contains("action.destructive_requires_name: true");
    }

    @Test
    void letsInOnlyTheGeneratedSuperuserByItsBcryptHash() throws IOException {
        NodeConfiguration.write(home, layout, EmbeddedElasticsearch.Settings.in(layout.dataDirectory()), credentials);

        String users = Files.readString(layout.config().resolve("users")).strip();
        String hash = users.substring(users.indexOf(':') + 1);
        assertThat(users).startsWith("heard:$2a$").doesNotContain(credentials.password());
        assertThat(new BCryptPasswordEncoder().matches(credentials.password(), hash))
                .isTrue();
        assertThat(Files.readString(layout.config().resolve("users_roles"))).isEqualTo("superuser:heard\n");
    }

    @Test
    void makesTheNodesDirectoriesAndConfigurationOwnerOnly() throws IOException {
        NodeConfiguration.write(home, layout, EmbeddedElasticsearch.Settings.in(layout.dataDirectory()), credentials);

        for (Path directory :
                List.of(layout.dataDirectory(), layout.config(), layout.data(), layout.logs(), layout.tmp())) {
            assertThat(permissions(directory)).as(directory.toString()).isEqualTo("rwx------");
        }
        for (String file : List.of("elasticsearch.yml", "users", "users_roles", "jvm.options", "log4j2.properties")) {
            assertThat(permissions(layout.config().resolve(file))).as(file).isEqualTo("rw-------");
        }
    }

    @Test
    void writesJvmFilesIntoTheNodesLogsAndNeverDumpsTheHeap() throws IOException {
        NodeConfiguration.write(home, layout, EmbeddedElasticsearch.Settings.in(layout.dataDirectory()), credentials);

        List<String> options = Files.readAllLines(layout.config().resolve("jvm.options"));
        assertThat(options)
                .contains(
                        "-XX:+UseG1GC",
                        "20-:--add-modules=jdk.incubator.vector",
                        "-XX:ErrorFile=" + layout.logs() + "/hs_err_pid%p.log");
        assertThat(options).anyMatch(option -> option.startsWith("-Xlog:gc*:file=" + layout.logs() + "/gc.log:"));
        assertThat(options).noneMatch(option -> option.contains("HeapDump"));
    }

    @Test
    void rewritesTheConfigurationOnEveryStart() throws IOException {
        EmbeddedElasticsearch.Settings settings = EmbeddedElasticsearch.Settings.in(layout.dataDirectory());
        NodeConfiguration.write(home, layout, settings, credentials);
        Files.writeString(layout.config().resolve("elasticsearch.yml"), "xpack.security.enabled: false\n");

        NodeConfiguration.write(home, layout, settings.withHttpPort(9250), credentials);

        assertThat(Files.readString(layout.config().resolve("elasticsearch.yml")))
                .contains("xpack.security.enabled: true")
                .contains("http.port: 9250");
    }

    private static String permissions(Path path) throws IOException {
        return PosixFilePermissions.toString(Files.getPosixFilePermissions(path));
    }
}
