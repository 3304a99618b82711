/**
 * The service catalogue: which services a provider runs, how patients name them, and how they nest
 * (a ward below its directorate). Triage matches mentions against it; the desk uses it to show ward
 * managers their services and those below them. Plain Java, no NLP: the desk loads it too.
 */
package org.heard.triage.catalogue;
