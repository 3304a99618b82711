package org.heard.triage.cli;

import java.io.IOException;
import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.heard.triage.TriageBenchmark;

/**
 * {@code bench [--data DIR] [--tweets N] [--stories N] [--naive N] [--threads N]}: runs the
 * {@link TriageBenchmark} on airline tweets and Care Opinion stories from the data folder (read at run
 * time, never shipped), or on built-in samples when the folder is absent.
 */
public final class BenchCommand {

    private BenchCommand() {}

    public static int run(String[] args, PrintStream out, PrintStream err) {
        Map<String, String> options = Options.parseOrExplain(
                args,
                List.of("--data", "--tweets", "--stories", "--naive", "--threads"),
                "bench [--data DIR] [--tweets N] [--stories N] [--naive N] [--threads N]",
                err);
        if (options == null) {
            return 2;
        }
        try {
            return Commands.resultsOnlyOn(out, err, () -> {
                Path data = Datasets.dataFolder(options.get("--data"));
                List<String> tweets = cycle(
                        Files.isReadable(data.resolve(Datasets.AIRLINE))
                                ? Datasets.tweets(data).stream()
                                        .map(Datasets.Tweet::text)
                                        .toList()
                                : SAMPLE_TWEETS,
                        Integer.parseInt(options.getOrDefault("--tweets", "600")));
                List<String> stories = cycle(
                        Files.isReadable(data.resolve(Datasets.CARE_OPINION))
                                ? Datasets.stories(data).stream()
                                        .map(Datasets.Story::text)
                                        .toList()
                                : SAMPLE_STORIES,
                        Integer.parseInt(options.getOrDefault("--stories", "120")));
                TriageBenchmark.measure(
                        tweets,
                        stories,
                        Integer.parseInt(options.getOrDefault("--naive", "20")),
                        Options.threads(options),
                        out);
                return 0;
            });
        } catch (IOException | RuntimeException e) {
            err.println("Benchmark failed: " + e);
            return 1;
        }
    }

    private static List<String> cycle(List<String> texts, int count) {
        List<String> cycled = new ArrayList<>();
        for (int i = 0; i < count && !texts.isEmpty(); i++) {
            cycled.add(texts.get(i % texts.size()));
        }
        return cycled;
    }

    private static final List<String> SAMPLE_TWEETS = List.of(
            "@NHSTrust waited 6 hours in A&E with my dad last night, staff were run off their feet but so kind",
            "Huge thanks to the paramedics who looked after my mum today #NHS",
            "Still no call back from 111 after 4 hours. Is anyone actually there?",
            "Can't get a GP appointment for three weeks. Ridiculous.");
    private static final List<String> SAMPLE_STORIES = List.of(
            "My husband was admitted to the stroke ward after collapsing at home. The paramedics were calm and quick, "
                    + "and the team in A&E explained everything. On the ward, though, we struggled to get information: "
                    + "nobody could tell us when the consultant would come, and his medication was late twice. The nurses "
                    + "were clearly stretched. When he was discharged the transport did not turn up and we waited five hours. "
                    + "I would like someone to look at how discharge is organised, because the care itself was good.",
            "I have been under the community mental health team for two years. My care coordinator is brilliant and "
                    + "always calls back, but the wait for psychology has been over a year and the crisis line sometimes "
                    + "rings out. I want to say thank you to the staff who keep going despite everything.");
}
