/**
 * Triage: tags each mention with how the person feels (sentiment adapted to patient feedback), which
 * services it concerns (the {@link org.heard.triage.catalogue.ServiceCatalogue}), how urgent it is (with
 * the sentences that made it so) and where it holds personal data. Plain Java over Stanford CoreNLP and
 * an in-process sentence embedding, with small learned heads on both (docs/adr/0013):
 * {@link org.heard.triage.MentionTriage} is the whole NLP API. Around it, {@code stage} consumes the
 * mentions topic and writes the tags to the mention index (module {@code mentions}), where the desk finds them.
 */
package org.heard.triage;
