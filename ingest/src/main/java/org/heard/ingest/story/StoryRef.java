package org.heard.ingest.story;

import java.net.URI;
import java.net.URISyntaxException;
import java.util.Optional;
import org.heard.contracts.DeskJson;

/** A story as the reply side needs it: its id on the site and the page where staff respond. */
record StoryRef(String opinionId, String storyUrl, String respondUrl) {

    /**
     * The story's links, as the site gives them when they are https links on the site's own host,
     * else made from the site's address and the story's id: staff open these, so a link in the
     * site's JSON to anywhere else (or a javascript: one) is never passed on.
     */
    static StoryRef of(Opinion story, StorySettings settings) {
        String web = onTheSite(story.links().get("web"), settings)
                .orElse(settings.siteUrl().resolve(story.id()).toString());
        // The site has no API to respond; staff respond on this page, where the desk opens them.
        String respond = onTheSite(story.links().get("respond"), settings)
                .orElse(settings.siteUrl().resolve(story.id() + "/respond").toString());
        return new StoryRef(story.id(), web, respond);
    }

    private static Optional<String> onTheSite(String link, StorySettings settings) {
        if (link == null) {
            return Optional.empty();
        }
        try {
            URI uri = new URI(link.strip());
            String host = settings.siteUrl().getHost();
            boolean safe = "https".equalsIgnoreCase(uri.getScheme())
                    && uri.getHost() != null
                    && uri.getHost().equalsIgnoreCase(host)
                    && uri.getRawUserInfo() == null;
            return safe ? Optional.of(uri.toString()) : Optional.empty();
        } catch (URISyntaxException e) {
            return Optional.empty();
        }
    }

    static StoryRef parse(String stored) {
        return DeskJson.mapper().readValue(stored, StoryRef.class);
    }

    String write() {
        return DeskJson.writeString(this);
    }
}
