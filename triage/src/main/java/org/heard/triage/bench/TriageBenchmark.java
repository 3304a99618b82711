package org.heard.triage.bench;

import java.io.PrintStream;

public final class TriageBenchmark {
    private TriageBenchmark() {}

    public static int run(String[] args, PrintStream out, PrintStream err) {
        return 2;
    }
}
