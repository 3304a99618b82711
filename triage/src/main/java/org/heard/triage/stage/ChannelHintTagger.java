package org.heard.triage.stage;

import java.time.Clock;
import java.util.List;
import org.heard.contracts.MentionReceived;
import org.heard.contracts.MentionTriaged;
import org.heard.contracts.Sentiment;
import org.heard.contracts.ServiceTag;
import org.heard.contracts.Urgency;

/**
 * The least a tagger can honestly say without reading the text: the services the channel hinted
 * at, neutral sentiment, normal urgency. Used only when no NLP model is available.
 */
class ChannelHintTagger implements MentionTagger {

    static final String MODEL = "channel-hints";

    private final Clock clock;

    ChannelHintTagger(Clock clock) {
        this.clock = clock;
    }

    @Override
    public List<MentionTriaged> tag(List<MentionReceived> mentions) {
        return mentions.stream()
                .map(mention -> new MentionTriaged(
                        mention.mentionId(),
                        mention.conversationId(),
                        mention.channel(),
                        new Sentiment(Sentiment.Label.NEUTRAL, 0, List.of()),
                        mention.serviceHints().stream()
                                .map(service -> new ServiceTag(service, 0.5, List.of(), ServiceTag.Signal.HINT))
                                .toList(),
                        Urgency.normal(),
                        List.of(),
                        MODEL,
                        clock.instant()))
                .toList();
    }
}
