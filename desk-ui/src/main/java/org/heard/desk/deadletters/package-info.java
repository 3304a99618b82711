/**
 * Dead letters for admins: every input some stage could not take in (from the
 * {@code heard.dead-letters.v1} topic) is kept in the Elasticsearch index {@code heard-dead-letters}
 * by one shared consumer group, browsed on {@code admin/dead-letters}, and retried (sent back to
 * the stage that refused it, where that can be done honestly) or discarded, with who and when.
 * A retry that fails again is a new dead letter linked to the one retried.
 */
package org.heard.desk.deadletters;
