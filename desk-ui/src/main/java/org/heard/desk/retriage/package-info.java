/**
 * Re-triage for admins ({@code admin/retriage}): after a model or catalogue change, tag the
 * mentions of a date range (and optionally one service or channel) again, without stopping live
 * work. A job walks the index over a point in time and puts one request per mention on
 * {@code heard.retriage.v1}, paced so no more than a set number wait; triage takes them in its own
 * consumer group and replaces only the machine's tags. The job document (index
 * {@code heard-retriage-jobs}) keeps what was asked, by whom, and how far it got; done and failed
 * are counted from the mentions and the dead letters. One job at a time (a lock document in
 * {@code heard-retriage-lock}); an admin can cancel it.
 */
package org.heard.desk.retriage;
