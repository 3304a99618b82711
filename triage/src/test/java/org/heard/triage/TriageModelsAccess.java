package org.heard.triage;

import java.util.Properties;

/** Test-side access for {@code cli.Explore}: the same heads with another record (e.g. the careful score switched off). */
public final class TriageModelsAccess {
    private TriageModelsAccess() {}

    public static TriageModels withRecord(TriageModels models, Properties record) {
        return new TriageModels(models.sentiment(), models.service(), models.careful(), record);
    }
}
