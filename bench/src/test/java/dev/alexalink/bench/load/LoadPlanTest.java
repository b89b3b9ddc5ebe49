package dev.alexalink.bench.load;

import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class LoadPlanTest {

    @Test
    void defaultsMeasureEveryScenarioOnPostgres() {
        LoadPlan plan = LoadPlan.from(Map.<String, String>of()::get);

        assertThat(plan.database()).isEqualTo("postgres");
        assertThat(plan.scenarios()).containsExactly(Scenario.LINK, Scenario.EXCHANGE, Scenario.REFRESH);
        assertThat(plan.fractions()).containsExactly(0.25, 0.5, 0.75, 0.9);
    }

    @Test
    void everyBadSettingIsNamedWithItsRuleInOneError() {
        Map<String, String> bad = Map.of(
                "bench.db", "mysql",
                "bench.scenarios", "link,login",
                "bench.rounds", "0",
                "bench.concurrency", "many",
                "bench.fractions", "0.25,2,x");

        assertThatThrownBy(() -> LoadPlan.from(bad::get))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("bench.db=mysql: must be postgres or dev-file")
                .hasMessageContaining("bench.scenarios has 'login': each must be one of link, exchange, refresh")
                .hasMessageContaining("bench.rounds=0: must be at least 1")
                .hasMessageContaining("bench.concurrency=many: not a whole number")
                .hasMessageContaining("bench.fractions has 2: each must be above 0 and at most 1.5")
                .hasMessageContaining("bench.fractions has 'x': not a number")
                .hasMessageContaining("must include 0.5");
    }

    @Test
    void fractionsAreSortedAndDeduplicated() {
        LoadPlan plan = LoadPlan.from(Map.of("bench.fractions", "0.9, 0.5,0.5,0.1")::get);

        assertThat(plan.fractions()).isEqualTo(List.of(0.1, 0.5, 0.9));
    }
}
