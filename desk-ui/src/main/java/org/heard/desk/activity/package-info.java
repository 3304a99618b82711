/**
 * What staff did with each conversation, kept in the Elasticsearch index {@code heard-activity}:
 * internal notes (never sent), status changes and assignment, replies with the warnings shown and
 * the choice made, their delivery, and tag corrections (labelled data for the next model: export
 * the entries of kind {@code tag-corrected}). Entries written twice with the same id are one entry,
 * so every desk instance may record a delivery outcome without duplicates.
 */
package org.heard.desk.activity;
