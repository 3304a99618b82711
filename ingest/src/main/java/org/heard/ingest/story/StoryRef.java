package org.heard.ingest.story;

import org.heard.contracts.DeskJson;

/** A story as the reply side needs it: its id on the site and the page where staff respond. */
record StoryRef(String opinionId, String storyUrl, String respondUrl) {

    static StoryRef of(Opinion story, StorySettings settings) {
        String web = story.links().getOrDefault("web", settings.siteUrl().resolve(story.id()).toString());
        // The site has no API to respond; staff respond on this page, where the desk opens them.
        String respond = story.links().getOrDefault("respond", settings.siteUrl().resolve(story.id() + "/respond").toString());
        return new StoryRef(story.id(), web, respond);
    }

    static StoryRef parse(String stored) {
        return DeskJson.mapper().readValue(stored, StoryRef.class);
    }

    String write() {
        return DeskJson.writeString(this);
    }
}
