package dev.alexalink.rules;

import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.OptionalLong;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Guessing a client secret must not be free. Keycloak's brute-force detection covers user passwords only, so this rule
 * counts failed client authentications per (client, source address) in a sliding window. A source that fails
 * {@code maxFailures} times within {@code windowSeconds} is locked out for {@code lockoutSeconds}: every client
 * authentication of that client from that source is refused, even with the right secret, so the guesses it could
 * still make are worthless.
 * <p>
 * Only the guessing source is locked, never the client: Amazon calls from many addresses, and an attacker who could
 * lock the client would unlink every user. The state lives in this object, in memory: each server node counts on its
 * own, and a restart forgets it.
 */
public final class ClientSecretGuessingRule {

    public static final String NAME = "alexa-client-secret-guessing";
    public static final int DEFAULT_MAX_FAILURES = 10;
    public static final int DEFAULT_WINDOW_SECONDS = 60;
    public static final int DEFAULT_LOCKOUT_SECONDS = 300;
    static final int MAX_FAILURES_LIMIT = 10_000;
    static final int SECONDS_LIMIT = 86_400;
    /** Sources tracked at most; beyond it, stale entries are dropped first and new sources then go uncounted. */
    static final int MAX_TRACKED_SOURCES = 100_000;

    /** The validated settings. */
    public record Settings(int maxFailures, int windowSeconds, int lockoutSeconds) {
    }

    /** What a failure did: counted (with the failures now in the window), or started a lockout until the given time. */
    public record Failure(int failuresInWindow, boolean lockoutStarted, long lockedUntilMillis) {
    }

    private record Key(String client, String source) {
    }

    private static final class Track {
        final Deque<Long> failures = new ArrayDeque<>();
        long lockedUntil;
    }

    private final Settings settings;
    private final Map<Key, Track> tracks = new ConcurrentHashMap<>();

    public ClientSecretGuessingRule(Settings settings) {
        this.settings = Objects.requireNonNull(settings);
    }

    /**
     * Parses the settings as an admin writes them (blank means the default). Every bad value is named, with the rule.
     */
    public static Settings settings(String maxFailures, String windowSeconds, String lockoutSeconds) {
        List<String> problems = new ArrayList<>();
        int max = parse("max-failures", maxFailures, DEFAULT_MAX_FAILURES, MAX_FAILURES_LIMIT, problems);
        int window = parse("failure-window-seconds", windowSeconds, DEFAULT_WINDOW_SECONDS, SECONDS_LIMIT, problems);
        int lockout = parse("lockout-seconds", lockoutSeconds, DEFAULT_LOCKOUT_SECONDS, SECONDS_LIMIT, problems);
        if (!problems.isEmpty()) {
            throw new InvalidRuleConfigurationException(NAME, problems);
        }
        return new Settings(max, window, lockout);
    }

    private static int parse(String option, String value, int defaultValue, int limit, List<String> problems) {
        if (value == null || value.isBlank()) {
            return defaultValue;
        }
        try {
            int parsed = Integer.parseInt(value.trim());
            if (parsed >= 1 && parsed <= limit) {
                return parsed;
            }
        } catch (NumberFormatException e) {
            // reported below
        }
        problems.add(option + " '" + SafeText.of(value) + "' must be a whole number from 1 to " + limit);
        return defaultValue;
    }

    public Settings settings() {
        return settings;
    }

    /** When the source is locked out of this client at {@code nowMillis}: the end of the lockout; empty otherwise. */
    public OptionalLong lockedUntil(String client, String source, long nowMillis) {
        Track track = tracks.get(new Key(client, source));
        if (track == null) {
            return OptionalLong.empty();
        }
        synchronized (track) {
            return track.lockedUntil > nowMillis ? OptionalLong.of(track.lockedUntil) : OptionalLong.empty();
        }
    }

    /** Counts a failed authentication of the client from the source; the failure that reaches the limit locks it out. */
    public Failure recordFailure(String client, String source, long nowMillis) {
        Key key = new Key(client, source);
        Track track = tracks.get(key);
        if (track == null) {
            if (tracks.size() >= MAX_TRACKED_SOURCES) {
                dropStale(nowMillis);
                if (tracks.size() >= MAX_TRACKED_SOURCES) {
                    return new Failure(0, false, 0);
                }
            }
            track = tracks.computeIfAbsent(key, k -> new Track());
        }
        synchronized (track) {
            long windowStart = nowMillis - settings.windowSeconds() * 1000L;
            while (!track.failures.isEmpty() && track.failures.peekFirst() <= windowStart) {
                track.failures.pollFirst();
            }
            if (track.lockedUntil > nowMillis) {
                // Refused while locked: the lockout already runs, and does not grow with each refused guess.
                return new Failure(track.failures.size(), false, track.lockedUntil);
            }
            track.failures.addLast(nowMillis);
            if (track.failures.size() >= settings.maxFailures()) {
                track.failures.clear();
                track.lockedUntil = nowMillis + settings.lockoutSeconds() * 1000L;
                return new Failure(settings.maxFailures(), true, track.lockedUntil);
            }
            return new Failure(track.failures.size(), false, 0);
        }
    }

    /** How many (client, source) pairs are tracked now. */
    public int trackedSources() {
        return tracks.size();
    }

    private void dropStale(long nowMillis) {
        long windowStart = nowMillis - settings.windowSeconds() * 1000L;
        tracks.entrySet().removeIf(entry -> {
            Track track = entry.getValue();
            synchronized (track) {
                Long last = track.failures.peekLast();
                return track.lockedUntil <= nowMillis && (last == null || last <= windowStart);
            }
        });
    }
}
