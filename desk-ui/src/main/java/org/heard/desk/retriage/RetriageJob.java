package org.heard.desk.retriage;

import java.time.Instant;
import java.util.Set;
import org.heard.contracts.Channel;
import org.heard.contracts.WireEnum;
import org.heard.mentions.MentionQuery;

/**
 * A re-triage job as kept in Elasticsearch: what was asked, by whom, how far it got.
 *
 * @param from inclusive and {@code before} exclusive, on when the mention was published
 * @param service a catalogue service id, or null for every service
 * @param channel one channel, or null for all
 * @param total the mentions the job covers, counted when it started walking
 * @param published requests put on the re-triage topic so far
 * @param done mentions re-tagged, {@code failed} dead-lettered: written when the job ends (live
 *     while it runs, see {@link Retriage#progress})
 */
public record RetriageJob(
        String id,
        State state,
        String requestedBy,
        Instant requestedAt,
        Instant from,
        Instant before,
        String service,
        Channel channel,
        Long total,
        Long published,
        Long done,
        Long failed,
        Instant heartbeatAt,
        String finishedBy,
        Instant finishedAt,
        String message) {

    MentionQuery query() {
        return new MentionQuery(
                null,
                channel == null ? null : Set.of(channel),
                service == null ? null : Set.of(service),
                null,
                null,
                null,
                null,
                from,
                before,
                null);
    }

    public enum State implements WireEnum {
        RUNNING,
        DONE,
        CANCELLED,
        FAILED;

        public static State fromWire(String value) {
            return WireEnum.parse(State.class, value);
        }
    }
}
