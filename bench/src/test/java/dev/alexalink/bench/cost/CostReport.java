package dev.alexalink.bench.cost;

import dev.alexalink.bench.load.BenchServer;
import dev.alexalink.bench.load.ClientUnderTest;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.List;
import java.util.Locale;
import java.util.stream.Collectors;

/** The cost benchmark's figures as Markdown: per client the mean and spread of its blocks, then control/Alexa. */
final class CostReport {

    static final String FILE = "cost.md";

    /** Mean, sample standard deviation and standard error of the mean of some blocks. */
    record Spread(double mean, double sd, double se) {

        static Spread of(List<Double> values) {
            double mean =
                    values.stream().mapToDouble(Double::doubleValue).average().orElse(Double.NaN);
            double squares = values.stream()
                    .mapToDouble(value -> (value - mean) * (value - mean))
                    .sum();
            double sd = values.size() < 2 ? Double.NaN : Math.sqrt(squares / (values.size() - 1));
            return new Spread(mean, sd, sd / Math.sqrt(values.size()));
        }

        double relativeSd() {
            return sd / mean;
        }
    }

    /** numerator/denominator and its standard error, from those of the two means (first-order propagation). */
    record Ratio(double value, double se) {

        static Ratio of(Spread numerator, Spread denominator) {
            double value = numerator.mean() / denominator.mean();
            double relative = Math.hypot(numerator.se() / numerator.mean(), denominator.se() / denominator.mean());
            return new Ratio(value, value * relative);
        }
    }

    private CostReport() {}

    static Path write(CostPlan plan, BenchServer server, List<CostBenchmark.ScenarioCost> results, double minutes)
            throws IOException {
        StringBuilder out = new StringBuilder();
        out.append(String.format(
                Locale.ROOT,
                "# Cost per request, Alexa client vs control (%s)%n%n"
                        + "Keycloak %s, production mode, on %s; %d blocks per client and scenario after %d"
                        + " warm-up blocks each, %d request(s) in flight; Java %s; %s, shared by Keycloak, the database"
                        + " and the benchmark; %.1f minutes.%n%n",
                LocalDate.now(),
                server.keycloakVersion(),
                server.databaseDescription(),
                plan.blocks(),
                plan.warmupBlocks(),
                plan.threads(),
                System.getProperty("java.version"),
                BenchServer.machine(),
                minutes));
        out.append("| Scenario | requests a block | Alexa CPU µs (± sd of blocks) | control CPU µs (± sd) |"
                + " control/Alexa CPU (± se) | Alexa KiB | control KiB | control/Alexa bytes (± se) |\n");
        out.append("|---|---|---|---|---|---|---|---|\n");
        for (CostBenchmark.ScenarioCost result : results) {
            CostBenchmark.Blocks alexa = result.clients().get(ClientUnderTest.ALEXA_LABEL);
            CostBenchmark.Blocks control = result.clients().get(ClientUnderTest.CONTROL_LABEL);
            Spread alexaCpu = Spread.of(alexa.cpuNanos());
            Spread controlCpu = Spread.of(control.cpuNanos());
            Spread alexaBytes = Spread.of(alexa.bytes());
            Spread controlBytes = Spread.of(control.bytes());
            Ratio cpu = Ratio.of(controlCpu, alexaCpu);
            Ratio bytes = Ratio.of(controlBytes, alexaBytes);
            out.append(String.format(
                    Locale.ROOT,
                    "| %s | %d | %.0f (± %.1f %%) | %.0f (± %.1f %%) | **%.3f ± %.3f** | %.1f | %.1f | %.3f ± %.3f |%n",
                    result.scenario().id(),
                    result.blockSize(),
                    alexaCpu.mean() / 1e3,
                    100 * alexaCpu.relativeSd(),
                    controlCpu.mean() / 1e3,
                    100 * controlCpu.relativeSd(),
                    cpu.value(),
                    cpu.se(),
                    alexaBytes.mean() / 1024,
                    controlBytes.mean() / 1024,
                    bytes.value(),
                    bytes.se()));
        }
        out.append("\nA ratio below 1 means the Alexa client costs more. Its standard error comes from the spread of"
                + " the blocks; twice it is what this run resolves.\n\nCPU µs per request, block by block (in the"
                + " order measured):\n\n");
        for (CostBenchmark.ScenarioCost result : results) {
            result.clients()
                    .forEach((label, blocks) -> out.append("- ")
                            .append(result.scenario().id())
                            .append(", ")
                            .append(label)
                            .append(": ")
                            .append(blocks.cpuNanos().stream()
                                    .map(nanos -> String.format(Locale.ROOT, "%.0f", nanos / 1e3))
                                    .collect(Collectors.joining(", ")))
                            .append('\n'));
        }
        Path report = plan.out().toAbsolutePath().resolve(FILE);
        Files.writeString(report, out);
        return report;
    }
}
