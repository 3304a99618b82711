/**
 * The wire language between Heard's stages: the events that travel on Kafka, their ids, and the
 * registry of topics they travel on. Plain Java records and Jackson, no Spring, so any stage (or
 * another system) can read them.
 *
 * <p>Compatibility rule: fields are only ever added. Readers ignore fields they do not know, and a
 * change that would break an old reader gets a new event type instead of a new meaning for an old
 * one. {@link org.heard.contracts.DeskEvent#SCHEMA_VERSION} is written with every event.
 */
package org.heard.contracts;
