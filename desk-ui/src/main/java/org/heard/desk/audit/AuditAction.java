package org.heard.desk.audit;

import org.heard.contracts.WireEnum;

/** What someone did with a patient's mention. */
public enum AuditAction implements WireEnum {
    /** Opened a conversation on the desk. */
    CONVERSATION_OPENED,
    /** Read one mention through the JSON API. */
    API_MENTION_READ,
    /** Searched mentions through the JSON API; the detail lists the mentions returned. */
    API_SEARCHED,
    /** Read a conversation through the JSON API; the detail lists the mentions shown. */
    API_CONVERSATION_READ,
    NOTE,
    STATUS_CHANGED,
    ASSIGNED,
    REPLY_REQUESTED,
    TAG_CORRECTED,
    /** Exported staff's tag corrections (with the patients' words) for retraining. */
    CORRECTIONS_EXPORTED,
    /** Revealed who wrote a conversation to the shielded staff of its services; the detail is the reason given. */
    IDENTITY_REVEALED;

    public static AuditAction fromWire(String value) {
        return WireEnum.parse(AuditAction.class, value);
    }
}
