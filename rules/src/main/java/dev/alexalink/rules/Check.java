package dev.alexalink.rules;

import java.util.Optional;

/** One rule applied to one realm or client: what it found, and the exact fix when it does not pass (null when it does). */
public record Check(String id, Status status, String finding, String fix) {

    public enum Status {
        PASS,
        WARN,
        FAIL
    }

    static Check pass(String id, String finding) {
        return new Check(id, Status.PASS, finding, null);
    }

    public static Check fail(String id, String finding, String fix) {
        return new Check(id, Status.FAIL, finding, fix);
    }

    static Check warn(String id, String finding, String fix) {
        return new Check(id, Status.WARN, finding, fix);
    }

    /** Fails with the violation's message, or passes with {@code passed}. */
    static Check of(String id, Optional<Violation> violation, String fix, String passed) {
        return violation.map(v -> fail(id, v.message(), fix)).orElseGet(() -> pass(id, passed));
    }

    /** The setting's page of the client in the admin console, as fixes name it. */
    static String settings(ClientSettings client) {
        return "Clients > " + client.clientId() + " > Settings > ";
    }
}
