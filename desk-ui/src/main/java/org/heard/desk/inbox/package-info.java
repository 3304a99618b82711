/**
 * The live inbox: the list staff work from, its filters and full-text search, and its views —
 * built-in, a person's own and a team's, kept in the {@code heard-views} index so every desk
 * instance shows the same ones after any restart.
 */
package org.heard.desk.inbox;
