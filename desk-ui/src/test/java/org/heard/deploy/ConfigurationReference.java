package org.heard.deploy;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * {@code deploy/configuration.md} read back: its settings tables (header
 * {@code | Setting | Default | Environment variable | Roles |}) and its table of variables read
 * outside Spring (header {@code | Variable | ...}).
 */
record ConfigurationReference(List<Row> rows, Map<String, String> outsideSpring) {

    private static final Pattern CODE = Pattern.compile("`([^`]+)`");

    /**
     * A documented setting.
     *
     * @param defaultValue the first code span of the default cell; empty when it says "—"
     * @param variables every environment variable named for it
     */
    record Row(
            int line,
            String name,
            boolean secret,
            Optional<String> defaultValue,
            List<String> variables,
            String roles) {}

    static ConfigurationReference read(Path file) {
        try {
            return parse(Files.readAllLines(file));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    static ConfigurationReference parse(List<String> lines) {
        List<Row> rows = new ArrayList<>();
        Map<String, String> outside = new LinkedHashMap<>();
        String table = "";
        for (int i = 0; i < lines.size(); i++) {
            String line = lines.get(i).strip();
            if (!line.startsWith("|")) {
                table = "";
                continue;
            }
            List<String> cells = cells(line);
            if (table.isEmpty()) {
                table = cells.getFirst();
                continue;
            }
            if (cells.getFirst().startsWith("---")) {
                continue;
            }
            if (table.equals("Setting") && cells.size() == 4) {
                rows.add(new Row(
                        i + 1,
                        firstCode(cells.get(0)).orElse(cells.get(0)),
                        cells.get(0).contains("🔒"),
                        cells.get(1).startsWith("—") ? Optional.empty() : firstCode(cells.get(1)),
                        codes(cells.get(2)),
                        cells.get(3)));
            } else if (table.equals("Variable")) {
                firstCode(cells.get(0))
                        .ifPresent(variable -> outside.put(variable, cells.size() > 2 ? cells.get(2) : ""));
            } else if (table.equals("Setting")) {
                throw new IllegalStateException(
                        "configuration.md line " + (i + 1) + ": a settings row needs 4 cells: " + line);
            }
        }
        return new ConfigurationReference(List.copyOf(rows), Map.copyOf(outside));
    }

    Optional<Row> row(String name) {
        return rows.stream()
                .filter(row -> Setting.normalised(row.name()).equals(Setting.normalised(name)))
                .findFirst();
    }

    private static List<String> cells(String line) {
        String inner = line.substring(1, line.endsWith("|") ? line.length() - 1 : line.length());
        List<String> cells = new ArrayList<>();
        for (String cell : inner.split("\\|", -1)) {
            cells.add(cell.strip());
        }
        return cells;
    }

    private static Optional<String> firstCode(String cell) {
        Matcher matcher = CODE.matcher(cell);
        return matcher.find() ? Optional.of(matcher.group(1)) : Optional.empty();
    }

    private static List<String> codes(String cell) {
        Matcher matcher = CODE.matcher(cell);
        List<String> codes = new ArrayList<>();
        while (matcher.find()) {
            codes.add(matcher.group(1));
        }
        return codes;
    }
}
