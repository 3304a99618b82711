/**
 * A ward manager's feed ({@code /feed}): the newest mentions of the signed-in person's services,
 * pushed as triage tags them. Lighter than the inbox: no filters, no tabs, newest first, within
 * the same server-side scope.
 */
package org.heard.desk.feed;
