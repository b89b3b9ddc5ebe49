package dev.alexalink.rules;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Wrong client secrets of an Alexa client are counted and reported; the right secret is never refused.
 * <p>
 * Why no lockout: every real token request of an Alexa client comes from Amazon's servers, a small shared pool of
 * addresses, and anyone can create a skill of their own that points at our token URL with our client ID and a wrong
 * secret, so that Amazon's servers send the failures. Refusing a source after failures would then refuse Amazon, and
 * every user would be asked to relink. A lockout would buy nothing either: {@link ClientSecretRule} makes the secret
 * 32 or more random letters and digits (190 bits or more), which no rate of guessing reaches.
 * <p>
 * So the rule counts failures per client and per (client, source) in fixed windows of {@code windowSeconds}, and says
 * when a report is due: once per window when a client reaches {@code maxFailures}, and once per window when one
 * source does, for at most {@link #MAX_SOURCE_REPORTS_PER_WINDOW} sources of a client. Memory is bounded whatever the
 * number of sources (spoofed forwarding headers included): at most {@link #MAX_TRACKED_SOURCES} sources are tracked,
 * each under a key of at most {@link #MAX_SOURCE_LENGTH} characters; failures of further sources are counted for the
 * client only. The state lives in this object, in memory: each server node counts on its own.
 */
public final class ClientSecretGuessingRule {

    public static final String NAME = "alexa-client-secret-guessing";
    public static final int DEFAULT_MAX_FAILURES = 10;
    public static final int DEFAULT_WINDOW_SECONDS = 60;
    static final int MAX_FAILURES_LIMIT = 10_000;
    static final int SECONDS_LIMIT = 86_400;
    /** (client, source) pairs tracked at most; when full, ended windows are dropped, at most once a second. */
    public static final int MAX_TRACKED_SOURCES = 10_000;
    /** Source reports per client and window; a flood from many sources shows in the client's report instead. */
    public static final int MAX_SOURCE_REPORTS_PER_WINDOW = 10;
    /** An address is at most 45 characters (IPv6); a longer "source" comes from a forged header and is cut. */
    public static final int MAX_SOURCE_LENGTH = 64;

    /** The validated settings. */
    public record Settings(int maxFailures, int windowSeconds) {}

    /**
     * What one failure calls for.
     *
     * @param clientFailures  failures of the client in its current window, all sources
     * @param clientSources   distinct tracked sources that failed for the client in that window
     * @param sourceFailures  failures of this source in its window (0 when the source is not tracked)
     * @param reportClient    the client just reached the limit in this window
     * @param reportSource    this source just reached the limit in its window, and the client's source reports allow it
     */
    public record Failure(
            int clientFailures, int clientSources, int sourceFailures, boolean reportClient, boolean reportSource) {}

    private record Key(String client, String source) {}

    /** A fixed window of a client or of a (client, source) pair. */
    private static final class Window {
        long start;
        int failures;
        /** Of a client: distinct sources, and source reports, in this window. */
        int sources;

        int sourceReports;
        /** Of a source: the start of the client window it was last counted in. */
        long countedIn = Long.MIN_VALUE;

        /** Starts a new window when this one has ended; returns whether it did. */
        boolean roll(long now, long length) {
            if (now - start < length) {
                return false;
            }
            start = now;
            failures = 0;
            sources = 0;
            sourceReports = 0;
            return true;
        }
    }

    private final Settings settings;
    private final Map<Key, Window> sources = new ConcurrentHashMap<>();
    private final Map<String, Window> clients = new ConcurrentHashMap<>();
    private volatile long lastSweep = Long.MIN_VALUE / 4;

    public ClientSecretGuessingRule(Settings settings) {
        this.settings = Objects.requireNonNull(settings);
    }

    /**
     * Parses the settings as an admin writes them (blank means the default). Every bad value is named, with the rule.
     */
    public static Settings settings(String maxFailures, String windowSeconds) {
        List<String> problems = new ArrayList<>();
        int max = parse("max-failures", maxFailures, DEFAULT_MAX_FAILURES, MAX_FAILURES_LIMIT, problems);
        int window = parse("failure-window-seconds", windowSeconds, DEFAULT_WINDOW_SECONDS, SECONDS_LIMIT, problems);
        if (!problems.isEmpty()) {
            throw new InvalidRuleConfigurationException(NAME, problems);
        }
        return new Settings(max, window);
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

    /** The source as this rule keys and reports it: cut to {@link #MAX_SOURCE_LENGTH} characters. */
    public static String sourceKey(String source) {
        String value = String.valueOf(source);
        return value.length() <= MAX_SOURCE_LENGTH ? value : value.substring(0, MAX_SOURCE_LENGTH) + "…";
    }

    /** Counts a wrong secret of the client from the source. Never refuses anything: the caller only reports. */
    public Failure recordFailure(String client, String source, long nowMillis) {
        long length = settings.windowSeconds() * 1000L;
        Window clientWindow = clients.computeIfAbsent(client, c -> new Window());
        Window sourceWindow = sourceWindow(new Key(client, sourceKey(source)), nowMillis, length);
        synchronized (clientWindow) {
            clientWindow.roll(nowMillis, length);
            clientWindow.failures++;
            int sourceFailures = 0;
            boolean reportSource = false;
            if (sourceWindow != null) {
                synchronized (sourceWindow) {
                    sourceWindow.roll(nowMillis, length);
                    sourceWindow.failures++;
                    sourceFailures = sourceWindow.failures;
                    if (sourceWindow.countedIn != clientWindow.start) {
                        sourceWindow.countedIn = clientWindow.start;
                        clientWindow.sources++;
                    }
                }
                if (sourceFailures == settings.maxFailures()
                        && clientWindow.sourceReports < MAX_SOURCE_REPORTS_PER_WINDOW) {
                    clientWindow.sourceReports++;
                    reportSource = true;
                }
            }
            return new Failure(
                    clientWindow.failures,
                    clientWindow.sources,
                    sourceFailures,
                    clientWindow.failures == settings.maxFailures(),
                    reportSource);
        }
    }

    /** The window of a (client, source) pair, created if there is room; null when the source is not tracked. */
    private Window sourceWindow(Key key, long nowMillis, long length) {
        Window window = sources.get(key);
        if (window != null) {
            return window;
        }
        if (sources.size() >= MAX_TRACKED_SOURCES) {
            if (nowMillis - lastSweep >= 1000) {
                lastSweep = nowMillis;
                sources.values().removeIf(w -> {
                    synchronized (w) {
                        return nowMillis - w.start >= length;
                    }
                });
            }
            if (sources.size() >= MAX_TRACKED_SOURCES) {
                return null;
            }
        }
        return sources.computeIfAbsent(key, k -> {
            Window created = new Window();
            created.start = nowMillis;
            return created;
        });
    }

    /** How many (client, source) pairs are tracked now. */
    public int trackedSources() {
        return sources.size();
    }
}
