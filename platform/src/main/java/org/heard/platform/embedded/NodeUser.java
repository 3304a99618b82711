package org.heard.platform.embedded;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFileAttributes;
import java.nio.file.attribute.PosixFilePermission;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import java.util.stream.Collectors;

/**
 * The operating-system user the node runs as. Elasticsearch refuses to run as root, with no
 * override, so when we are root the node runs as a configured unprivileged user and
 * {@code switchTo} is true; otherwise it runs as whoever runs Heard.
 */
record NodeUser(String name, int uid, int gid, Set<Integer> groups, boolean switchTo) {

    static NodeUser forNode(String runAsUser) {
        int ourUid = currentUid();
        if (ourUid != 0) {
            return new NodeUser(System.getProperty("user.name"), ourUid, -1, Set.of(), false);
        }
        if (runAsUser.equals("root") || runAsUser.equals("0")) {
            throw new IllegalArgumentException("Elasticsearch refuses to run as root; set "
                    + EmbeddedElasticsearch.RUN_AS_USER_PROPERTY + " to an unprivileged user");
        }
        List<String> uid = id("-u", runAsUser);
        List<String> gid = id("-g", runAsUser);
        List<String> groups = id("-G", runAsUser);
        if (uid.isEmpty() || gid.isEmpty()) {
            throw new IllegalArgumentException(
                    "Heard runs as root, so Elasticsearch must run as another user, but user '" + runAsUser
                            + "' does not exist here; create it or set " + EmbeddedElasticsearch.RUN_AS_USER_PROPERTY);
        }
        return new NodeUser(
                runAsUser,
                Integer.parseInt(uid.getFirst()),
                Integer.parseInt(gid.getFirst()),
                groups.stream().map(Integer::valueOf).collect(Collectors.toUnmodifiableSet()),
                true);
    }

    /**
     * The first existing directory from the file-system root down to {@code path} that this user
     * cannot enter, if any. Only meaningful when we switch user: our own user created the paths.
     */
    Optional<Path> firstBlockingDirectory(Path path) throws IOException {
        if (!switchTo) {
            return Optional.empty();
        }
        Path absolute = path.toAbsolutePath().normalize();
        for (Path current = absolute.getRoot();
                Files.exists(current);
                current = current.resolve(absolute.getName(current.getNameCount()))) {
            if (!canEnter(Files.readAttributes(current, PosixFileAttributes.class), unixIds(current))) {
                return Optional.of(current);
            }
            if (current.equals(absolute)) {
                break;
            }
        }
        return Optional.empty();
    }

    static String describe(Path directory) {
        try {
            PosixFileAttributes attributes = Files.readAttributes(directory, PosixFileAttributes.class);
            return directory + " (" + PosixFilePermissions.toString(attributes.permissions()) + ", owner "
                    + attributes.owner().getName() + ")";
        } catch (IOException e) {
            return directory.toString();
        }
    }

    boolean canEnter(PosixFileAttributes attributes, int[] ownerAndGroup) {
        Set<PosixFilePermission> permissions = attributes.permissions();
        if (ownerAndGroup[0] == uid) {
            return permissions.contains(PosixFilePermission.OWNER_EXECUTE);
        }
        if (ownerAndGroup[1] == gid || groups.contains(ownerAndGroup[1])) {
            return permissions.contains(PosixFilePermission.GROUP_EXECUTE);
        }
        return permissions.contains(PosixFilePermission.OTHERS_EXECUTE);
    }

    /** Makes the node's user the owner, so the node can use it while others cannot. */
    void own(Path path) throws IOException {
        if (!switchTo) {
            return;
        }
        int[] ids = unixIds(path);
        if (ids[0] != uid) {
            Files.setAttribute(path, "unix:uid", uid, LinkOption.NOFOLLOW_LINKS);
        }
        if (ids[1] != gid) {
            Files.setAttribute(path, "unix:gid", gid, LinkOption.NOFOLLOW_LINKS);
        }
    }

    static int[] unixIds(Path path) throws IOException {
        return new int[] {
            (Integer) Files.getAttribute(path, "unix:uid", LinkOption.NOFOLLOW_LINKS),
            (Integer) Files.getAttribute(path, "unix:gid", LinkOption.NOFOLLOW_LINKS)
        };
    }

    static int currentUid() {
        return (int) new com.sun.security.auth.module.UnixSystem().getUid();
    }

    private static List<String> id(String option, String user) {
        try {
            Process id = new ProcessBuilder("id", option, user)
                    .redirectErrorStream(true)
                    .start();
            String out = new String(id.getInputStream().readAllBytes(), StandardCharsets.UTF_8).trim();
            if (!id.waitFor(10, TimeUnit.SECONDS) || id.exitValue() != 0) {
                return List.of();
            }
            return List.of(out.split("\\s+"));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }
}
