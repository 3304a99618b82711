package org.heard.triage.cli;

import java.util.HashMap;
import java.util.List;
import java.util.Map;

/** {@code --name value} options; anything unknown is an error, so a typo never runs with defaults. */
final class Options {

    private Options() {}

    static Map<String, String> parse(String[] args, List<String> known) {
        Map<String, String> options = new HashMap<>();
        for (int i = 0; i < args.length; i++) {
            String name = args[i];
            if (!known.contains(name)) {
                throw new IllegalArgumentException("Unknown option: " + name);
            }
            if (i + 1 >= args.length) {
                throw new IllegalArgumentException("Missing value for " + name);
            }
            options.put(name, args[++i]);
        }
        return options;
    }

    /** As {@link #parse}, but explains a mistake and the usage on {@code err}; null then (exit code 2). */
    static Map<String, String> parseOrExplain(
            String[] args, List<String> known, String usage, java.io.PrintStream err) {
        try {
            return parse(args, known);
        } catch (IllegalArgumentException e) {
            err.println(e.getMessage());
            err.println("usage: " + usage);
            return null;
        }
    }

    static int threads(Map<String, String> options) {
        String value = options.get("--threads");
        if (value == null) {
            return Runtime.getRuntime().availableProcessors();
        }
        try {
            return Math.max(1, Integer.parseInt(value));
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException("--threads must be a number: " + value);
        }
    }
}
