package org.heard.triage;

/** One loaded triage per test JVM: loading CoreNLP's models takes seconds, tagging a text milliseconds. */
public final class SharedTriage {

    private static MentionTriage triage;

    private SharedTriage() {}

    public static synchronized MentionTriage get() {
        if (triage == null) {
            triage = MentionTriage.load(TriageSettings.defaults().withThreads(2));
        }
        return triage;
    }
}
