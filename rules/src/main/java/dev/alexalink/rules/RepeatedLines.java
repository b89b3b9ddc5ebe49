package dev.alexalink.rules;

import java.util.Map;
import java.util.OptionalLong;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Keeps a flood of the same log line short: a line of a given kind (for example "the link step of skill X failed
 * with invalid_client_credentials") is written at most once per {@code periodMillis}; the next one written says how
 * many were held back meanwhile. At most {@link #MAX_KINDS} kinds are remembered; past that, the memory starts afresh.
 */
public final class RepeatedLines {

    public static final int MAX_KINDS = 1_000;

    private static final class Kind {
        long lastWritten;
        long heldBack;
    }

    private final long periodMillis;
    private final Map<String, Kind> kinds = new ConcurrentHashMap<>();

    public RepeatedLines(long periodMillis) {
        this.periodMillis = periodMillis;
    }

    /**
     * Whether a line of this kind is to be written now: empty when it is held back; otherwise how many lines of the
     * kind were held back since the last one written.
     */
    public OptionalLong write(String kind, long nowMillis) {
        if (kinds.size() >= MAX_KINDS && !kinds.containsKey(kind)) {
            kinds.clear();
        }
        Kind state = kinds.computeIfAbsent(kind, k -> {
            Kind created = new Kind();
            created.lastWritten = Long.MIN_VALUE / 4;
            return created;
        });
        synchronized (state) {
            if (nowMillis - state.lastWritten < periodMillis) {
                state.heldBack++;
                return OptionalLong.empty();
            }
            long heldBack = state.heldBack;
            state.lastWritten = nowMillis;
            state.heldBack = 0;
            return OptionalLong.of(heldBack);
        }
    }
}
