package dev.alexalink.bench.cost;

import org.junit.jupiter.api.Test;

import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class CostPlanTest {

    @Test
    void theDefaultsMeasureEveryScenarioOnPostgres() {
        CostPlan plan = CostPlan.of(Map.<String, String>of()::get);
        assertThat(plan.database()).isEqualTo("postgres");
        assertThat(plan.scenarios()).containsExactly(CostScenario.values());
        assertThat(plan.blocks()).isEqualTo(8);
        assertThat(plan.size(CostScenario.REFRESH)).isEqualTo(1_500);
    }

    @Test
    void everyBadSettingIsNamedWithItsRule() {
        assertThatThrownBy(() -> CostPlan.of(Map.of(
                        "bench.db", "mysql",
                        "bench.scenarios", "link,login",
                        "bench.cost.blocks", "3",
                        "bench.cost.threads", "x",
                        "bench.cost.users", "0")::get))
                .hasMessageContaining("bench.db is 'mysql': it must be postgres or dev-file")
                .hasMessageContaining("bench.scenarios has 'login'")
                .hasMessageContaining("bench.cost.blocks is 3: it must be even")
                .hasMessageContaining("bench.cost.threads is 'x': it must be a whole number from 1 to 64")
                .hasMessageContaining("bench.cost.users is 0: it must be from 1 to 10000");
    }
}
