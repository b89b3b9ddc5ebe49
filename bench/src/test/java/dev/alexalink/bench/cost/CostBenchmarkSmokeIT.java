package dev.alexalink.bench.cost;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.concurrent.TimeUnit;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Proves that the cost benchmark still runs end to end, with blocks of a few requests on H2. It asserts what a run
 * must produce (every scenario measured on both clients, every request answered as expected, a ratio), never a cost:
 * figures belong to docs/benchmarks.md.
 */
class CostBenchmarkSmokeIT {

    @Test
    @Timeout(value = 15, unit = TimeUnit.MINUTES)
    void theCostBenchmarkMeasuresEveryScenarioOnBothClients() throws Exception {
        Path out = Path.of(System.getProperty("bench.out", "target/load-smoke")).resolveSibling("cost-smoke");
        CostPlan plan = CostPlan.of(Map.of(
                "bench.out", out.toString(),
                "bench.db", "dev-file",
                "bench.cost.blocks", "2",
                "bench.cost.warmup.blocks", "0",
                "bench.cost.users", "4",
                "bench.cost.link.block", "4",
                "bench.cost.exchange.block", "10",
                "bench.cost.refresh.block", "10")::get);

        String report = Files.readString(new CostBenchmark(plan).run());

        for (CostScenario scenario : CostScenario.values()) {
            assertThat(report).containsPattern("\\| " + scenario.id() + " \\| \\d+ \\| \\d+ .*\\*\\*\\d\\.\\d{3} ± ");
        }
        assertThat(report).doesNotContain("NaN");
    }
}
