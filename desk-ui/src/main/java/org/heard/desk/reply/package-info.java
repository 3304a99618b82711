/**
 * Replying personally on the patient's channel. {@link org.heard.desk.reply.ReplyDesk} checks a
 * draft (personal data in a public reply, a copy-paste of recent replies, a deflection to PALS or
 * the switchboard), signs it with the responder's name and role, enforces the channel's hard
 * limits, records the warnings shown and the choice made, and publishes {@code ReplyRequested}.
 * Warnings never block a deliberate send; only a hard channel limit does.
 */
package org.heard.desk.reply;
