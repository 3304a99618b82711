package org.heard.triage;

/** The CoreNLP models behind {@link SharedTriage}, for tests of the parts below the public API. */
final class TestNlp {

    private TestNlp() {}

    static Nlp get() {
        return SharedTriage.get().nlp();
    }
}
