/**
 * The Care Opinion story-site channel. Patients publish stories about their care on Care Opinion;
 * this package owns everything between that site's read-only API (v2) and Heard: paging through the
 * subscription's stories onto the mentions topic (checkpointed, so a restart neither loses nor
 * repeats a story), the health of the connection, and replying on a site that has no API to post:
 * the desk hands staff the story's respond page, and the reconciler watches the site's responses to
 * mark the draft published, or failed when it never appears.
 *
 * <p>Everything is package-private except the settings record and the Spring configuration that
 * the application imports.
 */
package org.heard.ingest.story;
