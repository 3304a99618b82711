/**
 * The mention index ({@value org.heard.mentions.MentionIndex#ALIAS}): every mention with its tags
 * and where staff are with it — the desk's database. This module owns its schema
 * ({@code mentions-template.json}) and every write to it; triage writes tags, the desk searches and
 * records staff work, both through {@link org.heard.mentions.MentionIndex}.
 */
package org.heard.mentions;
