package org.heard.contracts;

/**
 * Who wrote a mention, as the channel knows them: an email address, an X user id and handle, a
 * story-site pseudonym. Any part may be absent; patients are never required to identify themselves.
 */
public record Author(String id, String handle, String displayName) {

    public static Author anonymous() {
        return new Author(null, null, null);
    }

    /** The best name to show staff. */
    public String label() {
        if (displayName != null && !displayName.isBlank()) {
            return displayName;
        }
        if (handle != null && !handle.isBlank()) {
            return handle;
        }
        return id == null || id.isBlank() ? "Anonymous" : id;
    }
}
