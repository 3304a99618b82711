package org.heard.ingest.story;

/** A service a story is about, by its NACS/ODS code, with the site (hospital) it belongs to. */
record HealthService(String nacs, String name, String type, String organisation, String siteNacs) {}
