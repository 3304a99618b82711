/**
 * One conversation on the desk: the thread on the patient's channel with the triage tags and the
 * phrases behind them, the history of who did what (notes, status, assignment, replies and their
 * delivery, live), tag corrections, who else is here, and the channel-aware composer.
 */
package org.heard.desk.conversation;
