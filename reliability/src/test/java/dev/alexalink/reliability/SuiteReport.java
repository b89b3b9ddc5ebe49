package dev.alexalink.reliability;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * The figures of one suite (cases tried, failures, links lost, restarts survived, failover, wall time), written to
 * ${reliability.report.dir}/<suite>.txt and printed, whether the suite passed or not.
 */
final class SuiteReport {

    private final String suite;
    private final Instant started = Instant.now();
    private final Map<String, Object> figures = new LinkedHashMap<>();

    SuiteReport(String suite) {
        this.suite = suite;
    }

    synchronized SuiteReport put(String name, Object value) {
        figures.put(name, value);
        return this;
    }

    synchronized SuiteReport add(String name, long amount) {
        figures.merge(name, amount, (a, b) -> ((Number) a).longValue() + ((Number) b).longValue());
        return this;
    }

    synchronized long get(String name) {
        Object value = figures.get(name);
        return value instanceof Number number ? number.longValue() : 0;
    }

    /** Writes the report with the wall time so far and the outcome; returns the file. */
    synchronized Path write(String outcome) {
        Duration wall = Duration.between(started, Instant.now());
        StringBuilder text = new StringBuilder("# ").append(suite).append('\n');
        figures.forEach(
                (name, value) -> text.append(name).append(": ").append(value).append('\n'));
        text.append("outcome: ").append(outcome).append('\n');
        text.append("wall time: ").append(wall.toSeconds()).append(" s\n");
        Path file = Path.of(System.getProperty("reliability.report.dir", "target/reliability"), suite + ".txt");
        try {
            Files.createDirectories(file.getParent());
            Files.writeString(file, text, StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        System.out.println(text);
        return file;
    }
}
