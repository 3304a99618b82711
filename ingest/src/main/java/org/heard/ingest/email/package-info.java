/**
 * The email channel: patients' emails in from IMAP mailboxes onto the mentions topic, and staff
 * replies out over SMTP in the same thread, from the mailbox's own address.
 *
 * <p>Mail comes in through Spring Integration Mail, one watcher per mailbox with IMAP IDLE where
 * the server has it and polling otherwise (docs/adr/0011). It owns MIME reading (plain and HTML
 * bodies, quoted-reply trimming, attachments as metadata), threading (In-Reply-To / References, with a conversation token in our own Message-ID and subject
 * as the fallback), the automatic-mail guard (auto-replies, bounces and bulk mail are recorded but
 * flagged), and the no-loss rule: a message is marked processed on the server only once Kafka has
 * acknowledged it. Without a configured mailbox it runs an embedded GreenMail server with a demo
 * mailbox so a newcomer can email the desk.
 */
package org.heard.ingest.email;
