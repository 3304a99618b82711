package org.heard.platform;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermission;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.EnumSet;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.config.BeanFactoryPostProcessor;
import org.springframework.beans.factory.config.ConfigurableListableBeanFactory;
import org.springframework.context.EnvironmentAware;
import org.springframework.core.env.Environment;

/**
 * {@code heard.data-dir} holds what patients wrote (the embedded broker's and node's data) and the
 * credentials that open it. If other users may write there, they may swap a credential or plant
 * files: so at start-up, before anything uses it, a group- or world-writable data directory loses
 * those permissions, or the start stops with what to do.
 */
public final class DataDirectory implements BeanFactoryPostProcessor, EnvironmentAware {

    private static final Logger log = LoggerFactory.getLogger(DataDirectory.class);

    private Path directory;

    @Override
    public void setEnvironment(Environment environment) {
        directory = Path.of(environment.getProperty("heard.data-dir", "data"))
                .toAbsolutePath()
                .normalize();
    }

    @Override
    public void postProcessBeanFactory(ConfigurableListableBeanFactory beanFactory) {
        secure(directory).ifPresent(log::warn);
    }

    /**
     * Takes group and world write permission away from an existing directory.
     *
     * @return what was changed, for the log; empty when nothing needed changing (or it does not exist yet)
     * @throws IllegalStateException when it is writable by others and cannot be changed
     */
    public static Optional<String> secure(Path directory) {
        if (!Files.isDirectory(directory, LinkOption.NOFOLLOW_LINKS)) {
            return Optional.empty();
        }
        try {
            var permissions = Files.getPosixFilePermissions(directory, LinkOption.NOFOLLOW_LINKS);
            var others = EnumSet.of(PosixFilePermission.GROUP_WRITE, PosixFilePermission.OTHERS_WRITE);
            others.retainAll(permissions);
            if (others.isEmpty()) {
                return Optional.empty();
            }
            String before = PosixFilePermissions.toString(permissions);
            var kept = EnumSet.copyOf(permissions);
            kept.removeAll(others);
            try {
                Files.setPosixFilePermissions(directory, kept);
            } catch (IOException | SecurityException e) {
                throw new IllegalStateException(
                        "The data directory " + directory + " (heard.data-dir) may be written by other users ("
                                + before + ") and Heard cannot change that (" + e.getMessage()
                                + "). Patient data and credentials live"
                                + " there: run chmod go-w " + directory
                                + ", or point heard.data-dir at a directory only Heard's user writes to.",
                        e);
            }
            return Optional.of(
                    "The data directory " + directory + " could be written by other users (" + before + "); it is now "
                            + PosixFilePermissions.toString(kept) + ", as patient data and credentials live there");
        } catch (UnsupportedOperationException notPosix) {
            return Optional.empty();
        } catch (IOException e) {
            throw new IllegalStateException(
                    "Cannot read the permissions of the data directory " + directory + ": " + e.getMessage(), e);
        }
    }
}
