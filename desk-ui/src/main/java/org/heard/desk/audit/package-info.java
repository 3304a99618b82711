/**
 * The audit log: who looked at or acted on which patient's mention, and when — a governance
 * requirement for personal data in health care. Kept apart from the activity log, in the
 * append-only Elasticsearch index {@code heard-audit}: entries are only ever added, never changed,
 * and only the daily retention purge removes them.
 *
 * <p>Recorded: a conversation opened on the desk, a mention read or a search made through the JSON
 * API (with the mention ids the search returned), and every action staff take (notes, status,
 * assignment, tag corrections, replies) as the activity log records it.
 *
 * <p><b>Cheap and never in the way.</b> Recording puts the entry on an in-memory queue and returns;
 * one writer thread sends the queue to Elasticsearch in bulk. When Elasticsearch cannot take them,
 * the entries stay queued and are retried, the failure is logged at ERROR and the {@code audit}
 * health component reports DOWN, but the user's action goes ahead: refusing patient care work
 * because an access log is briefly unavailable would do more harm than a late audit entry. Only if
 * the queue overflows ({@code heard.audit.buffer} entries waiting) are entries lost; each is logged
 * (actor, action, mention) so the trail can be rebuilt from the logs, and counted in the health.
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
