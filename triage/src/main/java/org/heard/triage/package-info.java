/**
 * Triage: every mention is tagged with sentiment, the services it concerns and its urgency (with
 * the phrases that led to each tag) and indexed into Elasticsearch, where the desk finds it.
 */
package org.heard.triage;
