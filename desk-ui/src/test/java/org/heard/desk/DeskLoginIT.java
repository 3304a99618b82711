package org.heard.desk;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.microsoft.playwright.Page;
import com.microsoft.playwright.options.AriaRole;
import jakarta.servlet.ServletContext;
import java.time.Duration;
import org.heard.desk.audit.AuditAction;
import org.heard.desk.audit.AuditEntry;
import org.heard.desk.audit.AuditLog;
import org.heard.desk.audit.AuditQuery;
import org.heard.platform.testing.HeardIntegrationTest;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.core.env.Environment;

/**
 * Guessing passwords, on a desk instance of its own (its thresholds are low, and it locks its
 * tests' address): the login form, HTTP Basic and API tokens are locked after too many failures,
 * say so, and the locked attempts are in the audit log. Also: idle sessions end.
 */
@HeardIntegrationTest
@SpringBootTest(
        webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
        properties = {
            "heard.roles=desk",
            "heard.security.users[0].username=sam",
            "heard.security.users[0].password-hash={bcrypt}$2a$04$7lQkUD5glF80uVIq75K1q.bSJsASNnqL27TP45vPOlcANrdlWKPeG",
            "heard.security.users[0].roles=RESPONDER",
            "heard.security.login.max-failures=3",
            "heard.security.login.max-failures-per-address=8",
            "heard.triage.catalogue=src/test/resources/org/heard/desk/test-catalogue.yaml",
            "vaadin.devmode.devTools.enabled=false",
            "heard.channel.email.embedded.smtp-port=0",
            "heard.channel.email.embedded.imap-port=0"
        })
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class DeskLoginIT {

    static Browser browser;

    @LocalServerPort
    int port;

    @Autowired
    AuditLog auditLog;

    @Autowired
    ServletContext servletContext;

    @Autowired
    Environment environment;

    @BeforeAll
    static void startBrowser() {
        browser = Browser.start();
    }

    @AfterAll
    static void stopBrowser() {
        browser.close();
    }

    @Test
    @Order(1)
    void aDeskNobodyUsesLogsOutAfterHalfAnHourEvenWithItsPageOpen() {
        assertThat(servletContext.getSessionTimeout()).as("minutes").isEqualTo(30);
        assertThat(environment.getProperty("vaadin.close-idle-sessions", Boolean.class))
                .as("push and heartbeats do not keep it alive")
                .isTrue();
    }

    @Test
    @Order(2)
    void theLoginFormSaysAUsernameIsLockedAfterTooManyWrongPasswordsAndTheAttemptIsAudited() {
        Page page = browser.newSession();
        for (int attempt = 1; attempt <= 3; attempt++) {
            logIn(page, "mallory", "guess " + attempt);
            page.getByText("Incorrect username or password").waitFor();
        }

        logIn(page, "mallory", "guess 4");

        page.getByText("Locked for now").waitFor();
        assertThat(page.getByText("Try again in 15 minutes").count()).isPositive();
        await().atMost(Duration.ofSeconds(30))
                .untilAsserted(() -> assertThat(auditLog.search(new AuditQuery("mallory", null, null, null), 0, 10)
                                .entries())
                        .extracting(AuditEntry::action)
                        .contains(AuditAction.LOGIN_LOCKED_OUT));
        page.context().close();
    }

    @Test
    @Order(3)
    void httpBasicOnTheApiAnswers429WithWhenToComeBackEvenForTheRightPassword() throws Exception {
        var api = new TestApi(port);
        for (int attempt = 1; attempt <= 3; attempt++) {
            assertThat(api.get("sam", "wrong " + attempt, "/api/mentions").statusCode())
                    .isEqualTo(401);
        }

        var locked = api.get("sam", "correct horse", "/api/mentions");

        assertThat(locked.statusCode()).isEqualTo(429);
        assertThat(locked.headers().firstValueAsLong("Retry-After").orElseThrow())
                .isBetween(1L, 900L);
        assertThat(locked.body()).contains("Too many failed logins").contains("Try again in");
        await().atMost(Duration.ofSeconds(30))
                .untilAsserted(() -> assertThat(auditLog.search(new AuditQuery("sam", null, null, null), 0, 100)
                                .entries())
                        .filteredOn(entry -> entry.action() == AuditAction.LOGIN_LOCKED_OUT)
                        .extracting(AuditEntry::detail)
                        .anySatisfy(detail -> assertThat(detail).contains("via=basic")));
    }

    @Test
    @Order(4)
    void anAddressTryingUnknownTokensIsLockedForEveryWayIn() throws Exception {
        var api = new TestApi(port);
        int status = 0;
        for (int attempt = 0; attempt < 10 && status != 429; attempt++) {
            status =
                    api.getAs("heard_guessed-token-" + attempt, "/api/mentions").statusCode();
            assertThat(status).isIn(401, 429);
        }

        assertThat(status).as("locked within the address's 8 failures").isEqualTo(429);
        assertThat(api.get("wendy", "never tried before", "/api/mentions").statusCode())
                .as("another username from the same address")
                .isEqualTo(429);
    }

    /** From a fresh login page, so each attempt's answer is its own. */
    private void logIn(Page page, String username, String password) {
        page.navigate("http://localhost:" + port + "/login");
        page.getByLabel("Username").fill(username);
        page.getByLabel("Password").first().fill(password);
        page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Log in"))
                .click();
        page.waitForURL("**/login?error");
    }
}
