package org.heard.ingest.story;

/** A tag the author or the site's moderators put on a story: what was good or bad, and about what. */
record StoryTag(String name, String group, String polarity) {

    /** "Waiting times (negative)": how the desk lists it. */
    String label() {
        return polarity == null || polarity.isBlank() ? name : name + " (" + polarity + ")";
    }
}
