package dev.alexalink.bench.load;

import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.jsoup.nodes.Element;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Stream;

/**
 * Runs {@link AlexaLinkingSimulation} once in its own JVM (Gatling's launcher, this classpath) and reads the numbers
 * Gatling wrote into its report. A JVM per run keeps runs independent: nothing warm or queued carries over.
 * <p>
 * Gatling 3.15 writes its statistics only into the HTML report (the old js/stats.json is gone), so they are read from
 * its statistics table; LoadBenchmarkSmokeIT notices if a Gatling upgrade changes that table.
 */
final class GatlingRun {

    /**
     * Gatling's figures for one request name, or for the "link" group. Its percentiles cover all responses, failed
     * ones too; a run with failures is reported as failed, so the figures quoted are of successful requests.
     */
    record Figures(String name, long ok, long ko, double p50, double p95, double p99) {

        /** Successful requests per second of the run (Gatling's own rate column is rounded to whole numbers). */
        double perSecond(int seconds) {
            return (double) ok / seconds;
        }
    }

    /** One run's figures by request name, and where Gatling's HTML report is. */
    record Result(String description, Map<String, Figures> figures, Path report, String console) {

        Figures of(String name) {
            Figures found = figures.get(name);
            if (found == null) {
                throw new IllegalStateException("Gatling's report of '" + description + "' has no request named '"
                        + name + "' (it has " + figures.keySet() + "); report: " + report);
            }
            return found;
        }

        long failures() {
            return figures.values().stream()
                    .filter(figure -> !figure.name().equals("link"))
                    .mapToLong(Figures::ko)
                    .sum();
        }
    }

    private GatlingRun() {}

    static Result run(String description, Map<String, String> settings, Path resultsRoot) {
        Path results = resultsRoot.resolve(description.replaceAll("[^A-Za-z0-9.-]+", "-"));
        List<String> command = new ArrayList<>(List.of(
                Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                // The JVM options Gatling's own launchers use; Gatling needs java.lang opened to it.
                "-Xmx1g",
                "-XX:+UseG1GC",
                "-XX:+ParallelRefProcEnabled",
                "-XX:MaxInlineLevel=20",
                "-XX:MaxTrivialSize=12",
                "--add-opens=java.base/java.lang=ALL-UNNAMED"));
        settings.forEach((name, value) -> command.add("-D" + name + "=" + value));
        command.addAll(List.of(
                "-cp",
                System.getProperty("java.class.path"),
                "io.gatling.app.Gatling",
                "--simulation",
                AlexaLinkingSimulation.class.getName(),
                "--results-folder",
                results.toAbsolutePath().toString(),
                "--run-description",
                description,
                "--launcher",
                "alexa-linking-bench"));
        String console;
        int exit;
        try {
            Files.createDirectories(results);
            Process process =
                    new ProcessBuilder(command).redirectErrorStream(true).start();
            console = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
            exit = process.waitFor();
            Files.writeString(results.resolve("console.txt"), console, StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
        Optional<Path> stats = reportFile(results);
        if (exit != 0 && stats.isEmpty()) {
            throw new IllegalStateException(
                    "Gatling run '" + description + "' failed with exit code " + exit + ":\n" + tail(console));
        }
        Path file = stats.orElseThrow(() -> new IllegalStateException(
                "Gatling run '" + description + "' wrote no index.html under " + results + ":\n" + tail(console)));
        return new Result(description, read(file), file, console);
    }

    private static Optional<Path> reportFile(Path results) {
        try (Stream<Path> files = Files.walk(results)) {
            return files.filter(path -> path.getFileName().toString().equals("index.html"))
                    .findFirst();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** The rows of the report's statistics table: Total, OK, KO, …, 50th, 95th and 99th percentile columns. */
    static Map<String, Figures> read(Path indexHtml) {
        try {
            Document report = Jsoup.parse(indexHtml.toFile(), "UTF-8");
            Map<String, Figures> figures = new LinkedHashMap<>();
            for (Element row : report.select("tr:has(td.col-2)")) {
                String name = row.select(".ellipsed-name").text();
                figures.put(
                        name,
                        new Figures(
                                name,
                                number(row, 3).longValue(),
                                number(row, 4).longValue(),
                                number(row, 8),
                                number(row, 9),
                                number(row, 10)));
            }
            if (figures.isEmpty()) {
                throw new IllegalStateException("No statistics table in Gatling's report " + indexHtml);
            }
            return figures;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static Double number(Element row, int column) {
        String text = row.select("td.col-" + column).text().replace(",", "");
        try {
            return Double.valueOf(text);
        } catch (NumberFormatException e) {
            throw new IllegalStateException(
                    "Gatling's statistics table has '" + text + "' in column " + column + " of row "
                            + row.select(".ellipsed-name").text(),
                    e);
        }
    }

    static String tail(String text) {
        return text.length() > 4000 ? text.substring(text.length() - 4000) : text;
    }
}
