package org.heard.desk;

import com.microsoft.playwright.Page;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.heard.contracts.DeskJson;

/**
 * axe-core (Deque's accessibility engine, from npm: src/test/browser/fetch-axe-core.sh) run in the
 * page, on the WCAG 2.0, 2.1 and 2.2 A and AA rules. Vaadin's components keep their parts in open
 * shadow roots, which axe checks too.
 */
final class Axe {

    /** Where the build puts axe-core (the failsafe run's working directory is desk-ui). */
    static final Path SCRIPT = Path.of("target", "axe", "node_modules", "axe-core", "axe.min.js");

    private static final String RUN = """
            async () => JSON.stringify((await axe.run(document, {
              runOnly: {type: 'tag', values: ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa', 'wcag22aa']},
              resultTypes: ['violations']
            })).violations)""";

    /** One rule broken on a page, with where. */
    record Violation(String rule, String impact, String help, List<String> targets) {

        @Override
        public String toString() {
            return impact + " " + rule + " (" + help + ") at " + targets;
        }
    }

    private Axe() {}

    /** The violations on the page as it is now, the serious and critical ones only. */
    static List<Violation> seriousOrCritical(Page page) {
        // Colours are measured at rest: while a dialog fades in, all its text is at part opacity.
        page.waitForFunction("() => document.getAnimations().every(animation => animation.playState !== 'running'"
                + " || animation.effect?.getComputedTiming().iterations === Infinity)");
        if (page.evaluate("() => typeof axe === 'undefined'").equals(Boolean.TRUE)) {
            page.addScriptTag(new Page.AddScriptTagOptions().setContent(script()));
        }
        var found = new ArrayList<Violation>();
        var violations = DeskJson.mapper().readTree((String) page.evaluate(RUN));
        for (var violation : violations) {
            String impact = violation.path("impact").asText();
            if (!impact.equals("serious") && !impact.equals("critical")) {
                continue;
            }
            var targets = new ArrayList<String>();
            violation
                    .path("nodes")
                    .forEach(node -> targets.add(node.path("target").toString()));
            found.add(new Violation(
                    violation.path("id").asText(),
                    impact,
                    violation.path("help").asText(),
                    targets));
        }
        return found;
    }

    private static String script() {
        try {
            return Files.readString(SCRIPT);
        } catch (IOException e) {
            throw new IllegalStateException(
                    "axe-core is missing at " + SCRIPT.toAbsolutePath()
                            + ": the build fetches it before the integration tests (src/test/browser/fetch-axe-core.sh target/axe)",
                    e);
        }
    }
}
