package org.heard.ingest.story;

import java.time.Instant;

/** A provider's public response under a story, as published on the site. */
record StoryResponse(
        String id, String opinionId, String body, String responderName, String responderRole, Instant publishedAt) {}
