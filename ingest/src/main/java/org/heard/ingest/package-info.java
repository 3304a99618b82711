/**
 * Channel connectors. Each channel lives in its own package under {@code org.heard.ingest} and
 * implements the small contract in {@link org.heard.ingest.channel}: take mentions in (onto the
 * mentions topic, marking them processed at the source only once Kafka has them) and send staff
 * replies out on the channel the patient used.
 */
package org.heard.ingest;
