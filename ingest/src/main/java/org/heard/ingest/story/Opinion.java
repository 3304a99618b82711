package org.heard.ingest.story;

import java.time.Instant;
import java.util.Map;

/**
 * A patient's story as the site publishes it. {@code body} is Markdown and stays text: nothing here
 * or downstream renders it as HTML.
 *
 * @param criticality the site's own rating ("mildly critical"...), null when it has none
 * @param links the story's links by relation (self, web...), as the site gives them
 */
record Opinion(
        String id,
        String title,
        String body,
        Instant submittedAt,
        Instant publishedAt,
        String criticality,
        String progress,
        String authorRole,
        String authorAgeGroup,
        Map<String, String> links) {

    Opinion {
        links = Map.copyOf(links);
    }
}
