/**
 * Service alerts: an immediate alert when triage tags a mention {@code immediate} (email to the
 * service's subscribers and a JSON POST to the on-call webhook), escalation along a service's rota
 * while nobody opens it, daily or weekly digests, and the record of every delivery.
 *
 * <p>Owned here: the settings {@code heard.alerts}, the consumer group {@code heard-alerts} on the
 * triaged topic (one for all desk instances, so each mention is alerted once), and the
 * Elasticsearch indices {@code heard-alerts} (each delivery: recipient, route, state, attempts,
 * last error) and {@code heard-alert-escalations} (immediate mentions watched until opened).
 *
 * <p><b>No patient text leaves by alert.</b> Email and paging systems are outside the desk's
 * access control and audit log, so alerts and digests carry the service, the channel, the time,
 * counts and a link to the conversation, never what the patient wrote (not even an excerpt, nor
 * triage's evidence phrases, which are quotations).
 *
 * <p><b>Once, and retried.</b> Each delivery's id says what it is for; it is created create-only
 * before it is attempted, so a redelivered Kafka record, a second instance or a restart finds it
 * and sends nothing twice (a digest's id names its period). A failed attempt that may succeed later
 * is retried with doubling waits ({@code first-retry-after}, up to {@code max-attempts}); then the
 * delivery is recorded as failed and shown on {@code admin/alerts}. An instance takes a due retry by
 * a conditional write, so two instances never retry the same delivery together. "Opened" means a
 * {@code conversation-opened} entry in the audit log, by anyone.
 */
package org.heard.desk.alerts;
