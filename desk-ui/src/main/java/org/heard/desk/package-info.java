/**
 * The desk: where communications staff work the live inbox and reply, and ward managers watch
 * their services. Vaadin views by feature, the JSON API, and security (every page and API needs a
 * login; roles and service scope are enforced on the server).
 */
package org.heard.desk;
