package org.heard.mentions;

import org.heard.contracts.WireEnum;

/** Where staff are with a mention. */
public enum MentionStatus implements WireEnum {
    NEW,
    IN_PROGRESS,
    WAITING_FOR_PATIENT,
    REPLIED,
    CLOSED;

    public static MentionStatus fromWire(String value) {
        return WireEnum.parse(MentionStatus.class, value);
    }
}
