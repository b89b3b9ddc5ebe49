package dev.alexalink.checker;

import java.util.Objects;

/**
 * One check's result: what was checked, how it came out, what was seen, and (for a failure or a warning) what to do
 * about it. A skipped check says in its detail why it was skipped.
 */
public record Check(String name, Outcome outcome, String detail, String fix) {

    public Check {
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(outcome, "outcome");
        Objects.requireNonNull(detail, "detail");
    }

    public static Check pass(String name, String detail) {
        return new Check(name, Outcome.PASS, detail, null);
    }

    public static Check warn(String name, String detail, String fix) {
        return new Check(name, Outcome.WARN, detail, fix);
    }

    public static Check fail(String name, String detail, String fix) {
        return new Check(name, Outcome.FAIL, detail, fix);
    }

    public static Check skip(String name, String reason) {
        return new Check(name, Outcome.SKIP, reason, null);
    }
}
