/**
 * What staff call things: service names from the catalogue (grouped by the service above them),
 * colleagues by name, statuses, channels, urgency and sentiment in words, how long someone has
 * waited. Ids stay in the index and the JSON API; the desk's pages show these names.
 */
package org.heard.desk.naming;
