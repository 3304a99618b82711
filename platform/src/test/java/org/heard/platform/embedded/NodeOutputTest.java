package org.heard.platform.embedded;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.util.stream.Collectors;
import java.util.stream.IntStream;
import org.heard.platform.embedded.NodeOutput.Level;
import org.junit.jupiter.api.Test;

class NodeOutputTest {

    @Test
    void keepsTheLastFortyLinesForAFailedStart() {
        NodeOutput output = new NodeOutput();
        String printed =
                IntStream.rangeClosed(1, 100).mapToObj(i -> "line " + i).collect(Collectors.joining("\n"));

        output.pump(new ByteArrayInputStream(printed.getBytes(StandardCharsets.UTF_8)));

        assertThat(output.lastLines()).hasSize(40).startsWith("line 61").endsWith("line 100");
    }

    @Test
    void treatsTheNodesErrorsAsErrorsAndItsWarningsAsWarnings() {
        assertThat(NodeOutput.levelOf(
                        "[2026-11-22T00:42:14,979][ERROR][o.e.b.Elasticsearch      ] [heard-embedded] fatal exception"))
                .isEqualTo(Level.ERROR);
        assertThat(NodeOutput.levelOf("ERROR: Elasticsearch died while starting up, with exit code 1"))
                .isEqualTo(Level.ERROR);
        assertThat(NodeOutput.levelOf(
                        "\tat org.elasticsearch.server@9.2.8/org.elasticsearch.node.Node.start(Node.java:1)"))
                .isEqualTo(Level.ERROR);
        assertThat(
                        NodeOutput.levelOf(
                                "[2026-11-22T00:45:15,250][WARN ][o.e.b.BootstrapChecks    ] [heard-embedded] max file descriptors"))
                .isEqualTo(Level.WARNING);
        assertThat(NodeOutput.levelOf(
                        "[2026-11-22T00:42:12,727][INFO ][o.e.p.PluginsService     ] [heard-embedded] loaded module"))
                .isEqualTo(Level.OTHER);
    }
}
