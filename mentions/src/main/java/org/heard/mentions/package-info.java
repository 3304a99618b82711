/**
 * The mention index ({@value org.heard.mentions.MentionIndexSchema#ALIAS}): every mention with its
 * tags and where staff are with it — the desk's database. This module owns its schema and every
 * write to it, one class per job: {@link org.heard.mentions.MentionIndexSchema} (template and
 * mapping migrations), {@link org.heard.mentions.TagWriter} (what triage writes),
 * {@link org.heard.mentions.StaffWrites} (status, corrections, replies: what the desk writes) and
 * {@link org.heard.mentions.MentionSearch} (reads), with {@link org.heard.mentions.MentionQuery}
 * as the desk's question and {@link org.heard.mentions.MentionDocument} as the stored shape.
 */
package org.heard.mentions;
