package dev.alexalink.checker;

import java.util.Comparator;
import java.util.List;

/** Amazon gives the token endpoint 4.5 seconds; answers near that fail links whenever the server is a little busier. */
public final class LatencyCheck {

    public static final String NAME = "token endpoint latency";
    public static final long LIMIT_MS = 4500;
    public static final long WARN_MS = 2000;

    private LatencyCheck() {}

    public static Check judge(List<TokenClient.Answer> answers) {
        List<TokenClient.Answer> timed =
                answers.stream().filter(a -> a.failure() == null).toList();
        if (timed.isEmpty()) {
            return Check.skip(NAME, "no answer of the token endpoint to time");
        }
        TokenClient.Answer slowest = timed.stream()
                .max(Comparator.comparingLong(TokenClient.Answer::millis))
                .orElseThrow();
        List<Long> sorted =
                timed.stream().map(TokenClient.Answer::millis).sorted().toList();
        String measured = timed.size() + (timed.size() == 1 ? " answer" : " answers") + ": fastest " + sorted.get(0)
                + " ms, median " + sorted.get(sorted.size() / 2) + " ms, slowest " + slowest.millis() + " ms ("
                + slowest.label() + ")";
        if (slowest.millis() > LIMIT_MS) {
            return Check.fail(
                    NAME,
                    measured + " (Amazon's limit is " + LIMIT_MS + " ms)",
                    "find what makes '" + slowest.label()
                            + "' slow: the database (latency, pool size, missing indexes), too few CPUs for password hashing, or a slow proxy");
        }
        if (slowest.millis() > WARN_MS) {
            return Check.warn(
                    NAME,
                    measured + " (over " + WARN_MS + " ms; Amazon's limit is " + LIMIT_MS + " ms)",
                    "leave room below the limit: check database latency and the server's CPU under load");
        }
        return Check.pass(NAME, measured + " (limit " + LIMIT_MS + " ms)");
    }
}
