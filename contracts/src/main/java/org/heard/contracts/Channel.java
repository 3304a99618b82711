package org.heard.contracts;

/** Where a patient spoke to us, and so where the reply must go. */
public enum Channel implements WireEnum {
    EMAIL(true),
    TWITTER(true),
    STORY(true),
    /** Feedback given in person and logged by staff. */
    WALK_IN(false),
    PHONE(false),
    LETTER(false);

    private final boolean online;

    Channel(boolean online) {
        this.online = online;
    }

    /** Online channels are fetched by a connector; the others are logged by staff. */
    public boolean online() {
        return online;
    }

    public static Channel fromWire(String value) {
        return WireEnum.parse(Channel.class, value);
    }
}
