package org.heard.ingest.story;

import java.time.Instant;
import tools.jackson.databind.JsonNode;

/** What one request to the story site came to, after pacing and retries. */
sealed interface SiteReply {

    /** A JSON answer; {@code raw} is kept for the dead letters if its content turns out unusable. */
    record Json(JsonNode body, String raw) implements SiteReply {}

    /** The key was refused: a redirect to the login page, HTML where JSON was expected, 401 or 403. */
    record AuthFailed(String detail) implements SiteReply {}

    /** Still over the rate limit after the retries; nothing should be asked before {@code until}. */
    record RateLimited(Instant until, String detail) implements SiteReply {}

    /** The site answered, but not with JSON that can be read. */
    record Unreadable(String reason, String raw) implements SiteReply {}

    /** HTTP 404: a story withdrawn since it was listed, or a wrong base URL. */
    record NotFound(String detail) implements SiteReply {}

    /** Timeouts, server errors or an unexpected status, after the retries. */
    record Unavailable(String reason) implements SiteReply {}
}
