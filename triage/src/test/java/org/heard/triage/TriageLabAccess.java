package org.heard.triage;

/** Test-side access to featurised rows for the exploratory harness {@code cli.Explore}. */
public final class TriageLabAccess {
    private TriageLabAccess() {}

    public static double[] corenlp(TriageLab.Featurised data, int row) {
        return data.whole(row).corenlp();
    }
}
