package org.heard.triage.cli;

import java.io.InputStream;
import java.io.PrintStream;
import java.util.Arrays;

/**
 * {@code triage | train | evaluate | bench} by name: the entry point for Maven ({@code -Dtriage.command=...})
 * and for the application jar, which hands its arguments here before Spring starts.
 */
public final class Commands {

    private Commands() {}

    public static void main(String[] args) {
        int code = run(args, System.in, System.out, System.err);
        // Returning normally on success keeps a Maven exec:java run (same JVM) alive to finish the build.
        if (code != 0) {
            System.exit(code);
        }
    }

    public static int run(String[] args, InputStream in, PrintStream out, PrintStream err) {
        if (args.length == 0) {
            err.println("usage: triage|train|evaluate|bench [options]");
            return 2;
        }
        String[] rest = Arrays.copyOfRange(args, 1, args.length);
        return switch (args[0]) {
            case "triage" -> TriageCommand.run(rest, in, out, err);
            case "train" -> TrainCommand.run(rest, in, out, err);
            case "evaluate" -> EvaluateCommand.run(rest, in, out, err);
            case "bench" -> BenchCommand.run(rest, out, err);
            default -> {
                err.println("Unknown command " + args[0] + "; expected triage, train, evaluate or bench");
                yield 2;
            }
        };
    }

    /** A command's work, which may fail with an I/O error. */
    interface Work {
        int run() throws java.io.IOException;
    }

    /**
     * Runs a command whose results go to {@code out}. CoreNLP logs through SLF4J, whose console
     * appender writes to System.out: while the results go there, any other line goes to {@code err},
     * so stdout carries results only.
     */
    static int resultsOnlyOn(PrintStream out, PrintStream err, Work work) throws java.io.IOException {
        PrintStream systemOut = System.out;
        boolean swap = out == systemOut;
        if (swap) {
            System.setOut(err);
        }
        try {
            return work.run();
        } finally {
            if (swap) {
                System.setOut(systemOut);
            }
        }
    }
}
