/**
 * The Care Opinion story-site channel. Patients publish stories about their care on Care Opinion;
 * this package owns everything between that site's read-only API (v2) and Heard:
 *
 * <ul>
 *   <li>{@link org.heard.ingest.story.StoryIntake} pages through the subscription's stories, oldest
 *       first, onto the mentions topic, checkpointed by publication position so a restart neither
 *       loses nor repeats a story. Requests are the scarce resource (5 per second): recent stories
 *       get their tags and health services (two requests each), older ones in a backfill are taken
 *       from the list alone (100 per request) and say so.
 *   <li>{@link org.heard.ingest.story.StorySiteClient} paces requests under the limit, obeys 429 and
 *       the X-RateLimit headers, and reports a refused key, which this site answers with a redirect
 *       to its login page, as an authentication failure.
 *   <li>Replies: the site has no API to post. {@link org.heard.ingest.story.StoryReplySender} keeps
 *       the reviewed draft and gives the desk the story's respond page;
 *       {@link org.heard.ingest.story.StoryResponseReconciler} reads the site's responses feed and
 *       marks the draft published when it appears (or failed after the timeout), and puts responses
 *       written on the website directly into their conversation.
 *   <li>{@link org.heard.ingest.story.StoryHealth}: not configured, authentication failed, rate
 *       limited, stale, for the health endpoint and the desk.
 * </ul>
 *
 * <p>Everything is package-private except the settings record and the Spring configuration that
 * the application imports. Story and response bodies are Markdown and stay text throughout.
 */
package org.heard.ingest.story;
