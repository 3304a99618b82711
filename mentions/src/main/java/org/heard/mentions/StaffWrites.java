package org.heard.mentions;

import co.elastic.clients.elasticsearch.ElasticsearchClient;
import co.elastic.clients.elasticsearch._types.ElasticsearchException;
import co.elastic.clients.elasticsearch._types.Refresh;
import java.time.Instant;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.heard.platform.search.Store;

/**
 * What the desk writes on a mention: where staff are with it, their tag corrections, the replies
 * sent and what they led to. The text and the machine's other tags are left as they are.
 */
public final class StaffWrites {

    private static final String ALIAS = MentionIndexSchema.ALIAS;
    /** The tags staff can correct; a corrected one is never replaced by a re-triage. */
    static final List<String> CORRECTABLE = List.of("sentiment", "services", "urgency");

    private final ElasticsearchClient client;

    public StaffWrites(ElasticsearchClient client) {
        this.client = client;
    }

    /** What became of recording a reply on its mention. */
    public enum ReplyRecorded {
        COUNTED,
        /** The same reply was recorded before (another desk instance, a redelivered outcome). */
        ALREADY_COUNTED,
        NO_SUCH_MENTION
    }

    /**
     * Counts a reply sent on its mention: the first reply's time and the time to it, the reply's id
     * and the composer warnings it was sent despite. Read, change, write with the document's
     * sequence number, so two replies recorded at once are both counted and one recorded twice
     * counts once.
     */
    public ReplyRecorded recordReply(String mentionId, String replyId, Instant sentAt, Set<String> warnings) {
        for (int attempt = 0; ; attempt++) {
            var found = Store.call(() -> client.get(get -> get.index(ALIAS).id(mentionId), MentionDocument.class));
            if (!found.found() || found.source() == null) {
                return ReplyRecorded.NO_SUCH_MENTION;
            }
            var mention = found.source();
            var response = mention.response() == null ? MentionResponse.none() : mention.response();
            if (response.counted(replyId)) {
                return ReplyRecorded.ALREADY_COUNTED;
            }
            var counted = response.withReply(replyId, sentAt, mention.publishedAt(), warnings);
            try {
                Store.run(() -> client.update(
                        update -> update.index(found.index())
                                .id(mentionId)
                                .ifSeqNo(found.seqNo())
                                .ifPrimaryTerm(found.primaryTerm())
                                .refresh(Refresh.WaitFor)
                                .doc(Map.of("response", counted)),
                        MentionDocument.class));
                return ReplyRecorded.COUNTED;
            } catch (ElasticsearchException e) {
                if (e.status() != 409 || attempt >= 10) {
                    throw e;
                }
                // Someone else wrote the mention in between: read it again.
            }
        }
    }

    /** Records that the conversation led to a change, by whom and when; replaces an earlier mark. */
    public void markChange(String mentionId, MentionResponse.Change change, String by, Instant at) {
        var mark = new HashMap<String, Object>();
        mark.put("change", change);
        mark.put("changeAt", at);
        mark.put("changeBy", by);
        correct(mentionId, Map.of("response", mark));
    }

    /** Records where staff are with a mention; the text and tags are left as they are. */
    public void updateStatus(String mentionId, MentionStatus status, String assignee, Instant at) {
        var change = new HashMap<String, Object>();
        change.put("status", status);
        change.put("updatedAt", at);
        if (assignee != null) {
            change.put("assignee", assignee);
        }
        Store.run(() -> client.update(
                update -> update.index(ALIAS)
                        .id(mentionId)
                        .refresh(Refresh.WaitFor)
                        .retryOnConflict(3)
                        .doc(change),
                MentionDocument.class));
    }

    /**
     * A staff correction of tags, merged into the document (for example {@code sentiment.label}).
     * The corrected tags ({@code sentiment}, {@code services}, {@code urgency}) are marked in
     * {@code corrections}, so a later re-triage leaves them as staff set them; the desk also keeps
     * every correction in its activity index as labelled data.
     */
    public void correct(String mentionId, Map<String, Object> change) {
        var marked = new LinkedHashMap<String, Object>(change);
        var corrections = new LinkedHashMap<String, Object>();
        for (String tag : CORRECTABLE) {
            if (change.containsKey(tag)) {
                corrections.put(tag, true);
            }
        }
        if (!corrections.isEmpty()) {
            marked.put("corrections", corrections);
        }
        Store.run(() -> client.update(
                update -> update.index(ALIAS)
                        .id(mentionId)
                        .refresh(Refresh.WaitFor)
                        .retryOnConflict(3)
                        .doc(marked),
                MentionDocument.class));
    }
}
