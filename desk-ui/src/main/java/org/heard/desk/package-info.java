/**
 * The desk: where communications staff work the live inbox and reply, and ward managers watch
 * their services. Features: {@code inbox} (live list, saved views, filters), {@code conversation}
 * (thread, tags, history, composer), {@code reply} (draft checks, signing, sending, delivery),
 * {@code mentions} (scope: every read and action goes through it), {@code activity} (notes,
 * history, corrections), {@code presence}, {@code manual} (walk-in, phone and letter feedback),
 * {@code api} (the JSON API) and {@code security} (every page and API needs a login; roles and
 * service scope are enforced on the server). See docs/desk.md.
 */
package org.heard.desk;
