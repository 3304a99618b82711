package org.heard.deploy;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.util.ArrayList;
import java.util.regex.Pattern;
import org.heard.platform.testing.TestInfrastructure;
import org.junit.jupiter.api.Test;

/** Where a Docker engine answers, the integration tests run against the images deploy/compose runs. */
class TestHarnessImagesTest {

    private static final Pattern IMAGE = Pattern.compile("(?m)^\\s*image:\\s*(\\S+)\\s*$");
    private static final Pattern DEFAULTED = Pattern.compile("\\$\\{[A-Z_]+:-([^}]+)}");

    @Test
    void theTestContainersAreTheImagesComposeDeploys() throws Exception {
        var images = new ArrayList<String>();
        for (var compose : DeployFolder.ofRepository().compose()) {
            var matcher = IMAGE.matcher(Files.readString(compose.file()));
            while (matcher.find()) {
                images.add(DEFAULTED.matcher(matcher.group(1)).replaceAll("$1"));
            }
        }

        assertThat(images).contains(TestInfrastructure.KAFKA_IMAGE, TestInfrastructure.ELASTICSEARCH_IMAGE);
    }
}
