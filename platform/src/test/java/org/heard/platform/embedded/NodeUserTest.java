package org.heard.platform.embedded;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class NodeUserTest {

    /** Someone who owns nothing here and is in none of its groups. */
    private final NodeUser stranger = new NodeUser("stranger", 54321, 54321, Set.of(54321), true);

    /** Created owner-only; tests that need it open say so. */
    @TempDir
    Path root;

    @Test
    void namesTheFirstDirectoryTheNodesUserCannotEnter() throws IOException {
        Files.setPosixFilePermissions(root, PosixFilePermissions.fromString("rwxr-x--x"));
        Path closed = Files.createDirectories(root.resolve("home/alice"));
        Files.setPosixFilePermissions(closed, PosixFilePermissions.fromString("rwx------"));
        Path data = Files.createDirectories(closed.resolve("heard/data"));

        assertThat(stranger.firstBlockingDirectory(data)).contains(closed);
    }

    @Test
    void findsNothingInTheWayWhenEveryDirectoryCanBeEntered() throws IOException {
        Path data = Files.createDirectories(root.resolve("srv/heard/data"));
        Files.setPosixFilePermissions(root, PosixFilePermissions.fromString("rwxr-x--x"));

        assertThat(stranger.firstBlockingDirectory(data.resolve("not-created-yet")))
                .isEmpty();
    }

    @Test
    void letsTheOwnerOrAGroupMemberEnterByTheirOwnPermissionBits() throws IOException {
        Path directory = Files.createDirectories(root.resolve("shared"));
        Files.setPosixFilePermissions(directory, PosixFilePermissions.fromString("rwx--x---"));
        var attributes = Files.readAttributes(directory, java.nio.file.attribute.PosixFileAttributes.class);

        assertThat(stranger.canEnter(attributes, new int[] {54321, 0})).isTrue();
        assertThat(stranger.canEnter(attributes, new int[] {0, 54321})).isTrue();
        assertThat(stranger.canEnter(attributes, new int[] {0, 0})).isFalse();
    }

    @Test
    void checksNothingWhenTheNodeRunsAsUs() throws IOException {
        NodeUser us = new NodeUser("us", 1000, -1, Set.of(), false);
        Path closed = Files.createDirectories(root.resolve("closed"));
        Files.setPosixFilePermissions(closed, PosixFilePermissions.fromString("rwx------"));

        assertThat(us.firstBlockingDirectory(closed.resolve("data"))).isEmpty();
    }
}
