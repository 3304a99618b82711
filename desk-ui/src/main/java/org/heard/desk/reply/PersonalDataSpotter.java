package org.heard.desk.reply;

import java.util.List;

/**
 * Finds personal data in a draft. Triage's PersonalDataFinder plugs in here once it is on main;
 * until then {@link PatternPersonalDataSpotter} finds the structured kinds and the names it is given.
 */
public interface PersonalDataSpotter {

    /**
     * @param knownNames names that must not appear in a public reply (the patient's, staff's)
     * @return what was found, each as a person reads it ("NHS number 943 476 5919")
     */
    List<String> find(String text, List<String> knownNames);
}
