package org.heard.contracts;

/** The named person who answers a patient, with the role they answer in. */
public record Responder(String username, String displayName, String role) {

    public Responder {
        Ids.requireText(username, "Responder username");
        Ids.requireText(displayName, "Responder name");
    }

    /** "Sam Patel, Patient Experience Lead": how a reply is signed. */
    public String signature() {
        return role == null || role.isBlank() ? displayName : displayName + ", " + role;
    }
}
