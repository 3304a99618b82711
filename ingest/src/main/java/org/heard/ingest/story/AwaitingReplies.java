package org.heard.ingest.story;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.function.Predicate;
import org.heard.contracts.DeskJson;
import org.heard.contracts.ReplyId;
import org.heard.platform.checkpoint.CheckpointStore;
import tools.jackson.core.type.TypeReference;

/**
 * The drafts waiting to appear on the site, kept in the checkpoint store so a restart forgets
 * none: each draft under its own key, and a list of the ones still awaited, because the store has
 * no way to list keys. The sender adds, the reconciler settles.
 */
final class AwaitingReplies {

    private static final TypeReference<List<String>> ID_LIST = new TypeReference<>() {};

    private final CheckpointStore checkpoints;
    private final String listKey;

    AwaitingReplies(CheckpointStore checkpoints, String subscription) {
        this.checkpoints = checkpoints;
        this.listKey = StoryKeys.awaiting(subscription);
    }

    Optional<PendingResponse> find(ReplyId replyId) {
        return checkpoints.read(StoryKeys.reply(replyId)).map(PendingResponse::parse);
    }

    /** Stores the draft first, then lists it: a crash between leaves a stored draft the sender finds again. */
    synchronized void add(PendingResponse draft) {
        checkpoints.write(StoryKeys.reply(draft.replyId()), draft.write());
        changeList(ids -> ids.add(draft.replyId().value()));
    }

    synchronized List<PendingResponse> awaited() {
        List<PendingResponse> drafts = new ArrayList<>();
        for (String id : ids()) {
            find(new ReplyId(id))
                    .filter(draft -> draft.state() == PendingResponse.State.AWAITING)
                    .ifPresent(drafts::add);
        }
        return drafts;
    }

    /** Records the outcome and stops awaiting the draft. */
    synchronized void settle(PendingResponse settled) {
        checkpoints.write(StoryKeys.reply(settled.replyId()), settled.write());
        changeList(ids -> ids.remove(settled.replyId().value()));
    }

    /** Applies the change to the list of awaited ids, and stores the list if it changed. */
    private void changeList(Predicate<Set<String>> change) {
        Set<String> ids = ids();
        if (change.test(ids)) {
            checkpoints.write(listKey, DeskJson.writeString(new ArrayList<>(ids)));
        }
    }

    private Set<String> ids() {
        return checkpoints
                .read(listKey)
                .map(stored -> new LinkedHashSet<>(DeskJson.mapper().readValue(stored, ID_LIST)))
                .orElseGet(LinkedHashSet::new);
    }
}
