package org.heard.mentions;

import com.fasterxml.jackson.annotation.JsonInclude;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import org.heard.contracts.WireEnum;

/**
 * How the organisation answered a mention, kept on the mention so the dashboards are aggregations
 * over one index. Replies are kept by id, so recording the same delivery twice (every desk instance
 * reads the outcomes) counts it once, and a count is a {@code value_count} over the ids.
 *
 * @param firstReplyAt when the first personal reply was sent (or recorded, for walk-in, phone, letter)
 * @param firstResponseSeconds from the patient's message to that reply: stored, because the mapping
 *     uses no scripts (docs/adr/0004)
 * @param replyIds every reply sent
 * @param warnings the kinds of composer warnings shown for any of them ({@code copy-paste}, ...)
 * @param copyPasteReplyIds replies sent despite a copy-paste warning
 * @param deflectionReplyIds replies sent despite a deflection warning
 * @param change whether the conversation led to a change (as patient-story sites record it)
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record MentionResponse(
        Instant firstReplyAt,
        Long firstResponseSeconds,
        Integer replyCount,
        List<String> replyIds,
        Set<String> warnings,
        List<String> copyPasteReplyIds,
        List<String> deflectionReplyIds,
        Change change,
        Instant changeAt,
        String changeBy) {

    public static final String COPY_PASTE = "copy-paste";
    public static final String DEFLECTION = "deflection";

    public MentionResponse {
        replyIds = replyIds == null ? List.of() : List.copyOf(replyIds);
        warnings = warnings == null ? Set.of() : Set.copyOf(new TreeSet<>(warnings));
        copyPasteReplyIds = copyPasteReplyIds == null ? List.of() : List.copyOf(copyPasteReplyIds);
        deflectionReplyIds = deflectionReplyIds == null ? List.of() : List.copyOf(deflectionReplyIds);
    }

    static MentionResponse none() {
        return new MentionResponse(null, null, 0, null, null, null, null, null, null, null);
    }

    boolean counted(String replyId) {
        return replyIds.contains(replyId);
    }

    /** With one more reply sent at {@code sentAt} to a mention published at {@code publishedAt}. */
    MentionResponse withReply(String replyId, Instant sentAt, Instant publishedAt, Set<String> replyWarnings) {
        var first = firstReplyAt == null || sentAt.isBefore(firstReplyAt) ? sentAt : firstReplyAt;
        Long seconds = publishedAt == null
                ? null
                : Math.max(0, Duration.between(publishedAt, first).toSeconds());
        var ids = new ArrayList<>(replyIds);
        ids.add(replyId);
        var kinds = new TreeSet<>(warnings);
        kinds.addAll(replyWarnings);
        var copies = new ArrayList<>(copyPasteReplyIds);
        var deflections = new ArrayList<>(deflectionReplyIds);
        if (replyWarnings.contains(COPY_PASTE)) {
            copies.add(replyId);
        }
        if (replyWarnings.contains(DEFLECTION)) {
            deflections.add(replyId);
        }
        return new MentionResponse(
                first, seconds, ids.size(), ids, kinds, copies, deflections, change, changeAt, changeBy);
    }

    /** What a reply led to. A change made supersedes a change planned. */
    public enum Change implements WireEnum {
        PLANNED,
        MADE;

        public static Change fromWire(String value) {
            return WireEnum.parse(Change.class, value);
        }
    }
}
