package org.heard.desk.shell;

import com.vaadin.flow.component.dependency.StyleSheet;
import com.vaadin.flow.component.page.AppShellConfigurator;
import com.vaadin.flow.component.page.Inline;
import com.vaadin.flow.component.page.Push;
import com.vaadin.flow.server.AppShellSettings;
import com.vaadin.flow.theme.lumo.Lumo;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;

/**
 * The desk's page shell: Lumo look, server push for the live inbox, and the desk's own layout
 * (desk.css: the work queue, the split view, phones) inlined, so it needs no bundle and no extra
 * request, on the login page too.
 */
@Push
@StyleSheet(Lumo.STYLESHEET)
@StyleSheet(Lumo.UTILITY_STYLESHEET)
public class AppShell implements AppShellConfigurator {

    private static final String DESK_CSS = read("desk.css");

    @Override
    public void configurePage(AppShellSettings settings) {
        settings.setPageTitle("Heard");
        settings.setViewport("width=device-width, initial-scale=1");
        settings.addInlineWithContents(DESK_CSS, Inline.Wrapping.STYLESHEET);
    }

    private static String read(String name) {
        try (InputStream in = AppShell.class.getResourceAsStream(name)) {
            if (in == null) {
                throw new IllegalStateException(name + " is missing from the classpath");
            }
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
