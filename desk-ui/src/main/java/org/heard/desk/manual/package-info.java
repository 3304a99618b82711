/**
 * Feedback given in person, by phone or by letter, logged by staff so it is triaged, counted and
 * answered like the rest: the form publishes a {@code MentionReceived} on the walk-in, phone or
 * letter channel.
 */
package org.heard.desk.manual;
