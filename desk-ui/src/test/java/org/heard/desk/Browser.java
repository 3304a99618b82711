package org.heard.desk;

import com.microsoft.playwright.BrowserType;
import com.microsoft.playwright.Page;
import com.microsoft.playwright.Playwright;
import com.microsoft.playwright.options.AriaRole;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;

/**
 * A real headless Chromium (Debian's, installed by the build when missing) driven by Playwright.
 * Playwright's own browser download is not used: it fails on machines without open internet.
 */
public final class Browser implements AutoCloseable {

    private final Playwright playwright;
    private final com.microsoft.playwright.Browser chromium;

    private Browser() {
        playwright = Playwright.create(
                new Playwright.CreateOptions().setEnv(Map.of("PLAYWRIGHT_SKIP_BROWSER_DOWNLOAD", "1")));
        chromium = playwright
                .chromium()
                .launch(new BrowserType.LaunchOptions()
                        .setExecutablePath(executable())
                        .setHeadless(true)
                        .setArgs(List.of(
                                "--no-sandbox",
                                "--disable-gpu",
                                "--disable-background-networking",
                                "--disable-quic",
                                "--no-first-run",
                                "--disable-component-update",
                                "--disable-sync",
                                "--disable-dev-shm-usage")));
    }

    public static Browser start() {
        return new Browser();
    }

    /** A fresh session (its own cookies), as a second member of staff would have. */
    public Page newSession() {
        var page = chromium.newContext().newPage();
        page.setDefaultTimeout(30_000);
        return page;
    }

    /** A fresh session logged in through the desk's login page at {@code baseUrl}. */
    public Page loggedIn(String baseUrl, String username, String password) {
        Page page = newSession();
        page.navigate(baseUrl + "/");
        page.waitForURL("**/login");
        page.getByLabel("Username").fill(username);
        page.getByLabel("Password").first().fill(password);
        page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Log in"))
                .click();
        page.waitForURL(address -> !address.contains("login"));
        return page;
    }

    private static Path executable() {
        var configured = System.getenv("HEARD_CHROMIUM");
        if (configured != null && !configured.isBlank()) {
            return Path.of(configured);
        }
        for (var candidate : List.of("/usr/bin/chromium", "/usr/bin/chromium-browser", "/usr/bin/google-chrome")) {
            if (Files.isExecutable(Path.of(candidate))) {
                return Path.of(candidate);
            }
        }
        throw new IllegalStateException("No Chromium found: install Debian's chromium or set HEARD_CHROMIUM");
    }

    @Override
    public void close() {
        chromium.close();
        playwright.close();
    }
}
