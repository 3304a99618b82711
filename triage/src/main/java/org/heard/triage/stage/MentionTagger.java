package org.heard.triage.stage;

import java.util.List;
import org.heard.contracts.MentionReceived;
import org.heard.contracts.MentionTriaged;

/** Tags a batch of mentions; one result per mention, in the same order. */
public interface MentionTagger {

    List<MentionTriaged> tag(List<MentionReceived> mentions);
}
