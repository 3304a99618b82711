package org.heard.ingest.story;

import org.heard.contracts.MentionId;
import org.heard.contracts.ReplyId;

/** The checkpoint keys of this channel, in one place so intake, sender and reconciler agree. */
final class StoryKeys {

    private StoryKeys() {}

    static String opinions(String subscription) {
        return "story:" + subscription + ":opinions";
    }

    static String responses(String subscription) {
        return "story:" + subscription + ":responses";
    }

    /** The replies still waiting to appear on the site, so the reconciler can find them. */
    static String awaiting(String subscription) {
        return "story:" + subscription + ":replies-awaiting";
    }

    /**
     * Which story a mention is: a reply names the mention, and the respond page needs the story.
     * Written once the story is on the mentions topic, so it also says "already taken in".
     */
    static String mention(String subscription, MentionId mentionId) {
        return "story:" + subscription + ":mention:" + mentionId.value();
    }

    static String reply(ReplyId replyId) {
        return "story:reply:" + replyId.value();
    }
}
