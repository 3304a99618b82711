/**
 * Who may see and touch which mention. Every read and action of the desk — views and the JSON API
 * alike — goes through {@link org.heard.desk.mentions.InboxQueries}, which adds the member of
 * staff's scope to the query: managers see their services and those below them in the catalogue
 * tree, responders and admins see everything. Hiding in the UI is never the only guard.
 */
package org.heard.desk.mentions;
