/**
 * The live inbox as a work queue: the list staff work from (with the conversation beside it on a
 * wide screen), its filters and full-text search, its views — built-in, a person's own and a team's,
 * kept in the {@code heard-views} index — and the live path that keeps open inboxes current without
 * letting the mentions' pace set the desk's load ({@link org.heard.desk.inbox.LiveInbox}).
 */
package org.heard.desk.inbox;
