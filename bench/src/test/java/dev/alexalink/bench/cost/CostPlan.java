package dev.alexalink.bench.cost;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.function.Function;

/**
 * The cost benchmark's settings, from system properties; a bad value stops the run before anything starts, naming
 * the setting and the rule it broke.
 *
 * @param blocks  measured blocks per client and scenario, interleaved Alexa, control, control, Alexa, …
 * @param threads requests in flight at once (each thread drives its own users)
 * @param sizes   requests (link: links) per block, per scenario; the warm-up is {@code warmupBlocks} blocks a client
 * @param profile records the server with Java Flight Recorder into {@code out/keycloak.jfr} (bench.profile)
 */
record CostPlan(
        Path out,
        String database,
        List<CostScenario> scenarios,
        int blocks,
        int warmupBlocks,
        int threads,
        int users,
        Map<CostScenario, Integer> sizes,
        boolean profile) {

    static CostPlan fromSystemProperties() {
        return of(System::getProperty);
    }

    static CostPlan of(Function<String, String> properties) {
        List<String> problems = new ArrayList<>();
        Path out = Path.of(value(properties, "bench.out", "target/cost"));
        String database = value(properties, "bench.db", "postgres");
        if (!database.equals("postgres") && !database.equals("dev-file")) {
            problems.add("bench.db is '" + database + "': it must be postgres or dev-file");
        }
        List<CostScenario> scenarios = new ArrayList<>();
        for (String id :
                value(properties, "bench.scenarios", "link,exchange,refresh").split(",")) {
            CostScenario scenario = CostScenario.byId(id.strip());
            if (scenario == null) {
                problems.add("bench.scenarios has '" + id.strip() + "': it must list link, exchange or refresh");
            } else if (!scenarios.contains(scenario)) {
                scenarios.add(scenario);
            }
        }
        int blocks = number(properties, "bench.cost.blocks", 8, 2, 100, problems);
        if (blocks % 2 != 0) {
            problems.add("bench.cost.blocks is " + blocks + ": it must be even (blocks alternate A B B A)");
        }
        int warmup = number(properties, "bench.cost.warmup.blocks", 2, 0, 100, problems);
        int threads = number(properties, "bench.cost.threads", 2, 1, 64, problems);
        int users = number(properties, "bench.cost.users", 64, 1, 10_000, problems);
        if (users < threads) {
            problems.add("bench.cost.users is " + users + ": it must be at least bench.cost.threads (" + threads + ")");
        }
        Map<CostScenario, Integer> sizes = Map.of(
                CostScenario.LINK, number(properties, "bench.cost.link.block", 200, 1, 100_000, problems),
                CostScenario.EXCHANGE, number(properties, "bench.cost.exchange.block", 1_000, 1, 100_000, problems),
                CostScenario.REFRESH, number(properties, "bench.cost.refresh.block", 1_500, 1, 100_000, problems));
        String profile = value(properties, "bench.profile", "false");
        if (!profile.equals("true") && !profile.equals("false")) {
            problems.add("bench.profile is '" + profile + "': it must be true or false");
        }
        if (!problems.isEmpty()) {
            throw new IllegalArgumentException("The cost benchmark cannot run: " + String.join("; ", problems));
        }
        return new CostPlan(
                out, database, List.copyOf(scenarios), blocks, warmup, threads, users, sizes, profile.equals("true"));
    }

    int size(CostScenario scenario) {
        return sizes.get(scenario);
    }

    private static String value(Function<String, String> properties, String name, String otherwise) {
        String value = properties.apply(name);
        return value == null || value.isBlank() ? otherwise : value.strip();
    }

    private static int number(
            Function<String, String> properties, String name, int otherwise, int min, int max, List<String> problems) {
        String value = value(properties, name, String.valueOf(otherwise));
        try {
            int number = Integer.parseInt(value);
            if (number < min || number > max) {
                problems.add(name + " is " + number + ": it must be from " + min + " to " + max);
            }
            return number;
        } catch (NumberFormatException e) {
            problems.add(name + " is '" + value + "': it must be a whole number from " + min + " to " + max);
            return otherwise;
        }
    }
}
