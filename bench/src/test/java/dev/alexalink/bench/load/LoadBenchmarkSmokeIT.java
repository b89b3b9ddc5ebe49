package dev.alexalink.bench.load;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Proves that the load benchmark still runs end to end: a few seconds per run, on H2 instead of PostgreSQL. It asserts
 * what a run must produce (every scenario measured on both clients, no failed request, the report and the plot), never
 * how fast anything was: timings belong to docs/benchmarks.md, not to the test suite.
 */
class LoadBenchmarkSmokeIT {

    // Longer than the suite's 5-minute default: a production-mode build and start, user creation and every scenario's
    // runs.
    // A hang still fails.
    @Test
    @Timeout(value = 20, unit = java.util.concurrent.TimeUnit.MINUTES)
    void theLoadBenchmarkRunsEveryScenarioOnBothClientsWithoutAFailedRequest() throws Exception {
        Path out = Path.of(System.getProperty("bench.out", "target/load-smoke"));
        LoadPlan plan = LoadPlan.from(Map.of(
                "bench.out", out.toString(),
                "bench.db", "dev-file",
                "bench.warmup.seconds", "0",
                "bench.saturation.seconds", "3",
                "bench.rounds", "1",
                "bench.concurrency", "4",
                "bench.step.seconds", "3",
                "bench.fractions", "0.5")::get);

        LoadBenchmark benchmark = new LoadBenchmark(plan);
        Path report = benchmark.run();

        assertThat(benchmark.failedRuns()).isEmpty();
        String text = Files.readString(report);
        for (Scenario scenario : Scenario.values()) {
            assertThat(text).contains("| " + scenario.id() + " | ");
        }
        assertThat(text).contains("Alexa/control").doesNotContain("NaN");
        byte[] plot = Files.readAllBytes(report.resolveSibling(LoadReport.PLOT));
        assertThat(plot).startsWith(0x89, 'P', 'N', 'G');
    }
}
