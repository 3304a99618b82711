/**
 * The audit log: who looked at or acted on which patient's mention, and when — a governance
 * requirement for personal data in health care. Kept apart from the activity log, in the
 * append-only Elasticsearch index {@code heard-audit}: entries are only ever added, never changed,
 * and only the daily retention purge removes them.
 *
 * <p>Recorded: a conversation opened on the desk, a list of mentions shown with their excerpts (the
 * inbox, the feed, the mentions behind a figure), a CSV export (with every mention in it), a mention
 * read, searched or streamed through the JSON API (with the mention ids), every action staff take
 * (notes, status, assignment, tag corrections, replies) as the activity log records it, and a login
 * refused because of too many failed attempts.
 *
 * <p><b>Recorded before, kept durably.</b> {@link org.heard.desk.audit.AuditTrail#record} puts the
 * entry on Kafka ({@code heard.audit.v1}, acks=all) and returns when Kafka has it; only then is the
 * access done. When Kafka cannot take it within {@code heard.audit.timeout} the access is refused,
 * visibly (a page saying why, a notification, a 503 from the API): an unrecorded look at patients'
 * data is worse than a minute's wait, and Kafka being away stops most of the desk anyway. Actions are
 * in the activity log, with who and when, before their audit entry is written; should that entry
 * fail, the action stands and the failure is logged and shown in health. The desk instances move the
 * entries into the index in one consumer group, committing only once the index has them, so a crash
 * anywhere loses nothing and a retried batch stays one entry per id. The {@code audit} health
 * component is DOWN while entries are refused or cannot be written, and while they wait on Kafka
 * without progress ({@code behind}).
 *
 * <p><b>Retention.</b> {@code heard.audit.retention}, default 8 years: the NHS Records Management
 * Code of Practice keeps adult health records for 8 years after the last care, and an audit trail of
 * access to patient information is expected to live as long as the information it protects. Heard's
 * mentions are patient feedback rather than the clinical record, so 8 years is the cautious choice;
 * the organisation's information governance lead should confirm it against their own retention
 * schedule (this value was chosen from the Code's general rule, not from a line in it about access
 * logs). A purge deletes older entries once a day, on every desk instance (harmless when repeated).
 */
package org.heard.desk.audit;
