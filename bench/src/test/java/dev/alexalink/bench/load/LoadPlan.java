package dev.alexalink.bench.load;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.function.Function;

/**
 * What the load benchmark runs, from system properties (the pom passes its {@code bench.*} properties). Every value is
 * checked before anything starts, and a bad one is named with the rule it broke.
 *
 * @param out           where the Gatling reports, report.md and the plot go
 * @param database      {@code postgres} (Debian's PostgreSQL, as in production) or {@code dev-file} (H2, for the smoke run)
 * @param scenarios     which scenarios, in order
 * @param warmupSeconds a saturating run per client before measuring, for the JIT and caches
 * @param saturationSeconds length of each closed-model saturation run
 * @param rounds        saturation runs per client; they alternate Alexa, control, control, Alexa, … to cancel drift
 * @param concurrency   users in flight in the saturation runs
 * @param stepSeconds   length of each open-model run at a fixed offered load
 * @param fractions     the offered loads, as fractions of the control client's saturation throughput (0.5 is required:
 *                      the latency table reads it)
 * @param profile       records the server with Java Flight Recorder into keycloak.jfr, to find where time goes
 */
public record LoadPlan(
        Path out,
        String database,
        List<Scenario> scenarios,
        int warmupSeconds,
        int saturationSeconds,
        int rounds,
        int concurrency,
        int stepSeconds,
        List<Double> fractions,
        boolean profile) {

    public static final double HALF = 0.5;

    public static LoadPlan fromSystemProperties() {
        return from(name -> System.getProperty(name));
    }

    static LoadPlan from(Function<String, String> properties) {
        List<String> problems = new ArrayList<>();
        Path out = Path.of(value(properties, "bench.out", "target/load"));
        String database = value(properties, "bench.db", "postgres");
        if (!List.of("postgres", "dev-file").contains(database)) {
            problems.add("bench.db=" + database + ": must be postgres or dev-file");
        }
        List<Scenario> scenarios = new ArrayList<>();
        for (String name :
                value(properties, "bench.scenarios", "link,exchange,refresh").split(",")) {
            Scenario scenario = Scenario.named(name.trim());
            if (scenario == null) {
                problems.add("bench.scenarios has '" + name.trim() + "': each must be one of link, exchange, refresh");
            } else if (!scenarios.contains(scenario)) {
                scenarios.add(scenario);
            }
        }
        int warmup = positive(properties, "bench.warmup.seconds", "30", problems, 0);
        int saturation = positive(properties, "bench.saturation.seconds", "30", problems, 1);
        int rounds = positive(properties, "bench.rounds", "4", problems, 1);
        int concurrency = positive(properties, "bench.concurrency", "16", problems, 1);
        int step = positive(properties, "bench.step.seconds", "20", problems, 1);
        LinkedHashSet<Double> fractions = new LinkedHashSet<>();
        String fractionList = value(properties, "bench.fractions", "0.25,0.5,0.75,0.9");
        for (String text : fractionList.split(",")) {
            try {
                double fraction = Double.parseDouble(text.trim());
                if (fraction <= 0 || fraction > 1.5) {
                    problems.add("bench.fractions has " + text.trim() + ": each must be above 0 and at most 1.5");
                } else {
                    fractions.add(fraction);
                }
            } catch (NumberFormatException e) {
                problems.add("bench.fractions has '" + text.trim() + "': not a number");
            }
        }
        String profileText = value(properties, "bench.profile", "false");
        if (!List.of("true", "false").contains(profileText)) {
            problems.add("bench.profile=" + profileText + ": must be true or false");
        }
        if (!fractions.contains(HALF)) {
            problems.add("bench.fractions=" + fractionList
                    + ": must include 0.5 (the latency table is read at half of saturation)");
        }
        if (!problems.isEmpty()) {
            throw new IllegalArgumentException("Bad load benchmark settings:\n  " + String.join("\n  ", problems));
        }
        return new LoadPlan(
                out,
                database,
                List.copyOf(scenarios),
                warmup,
                saturation,
                rounds,
                concurrency,
                step,
                fractions.stream().sorted().toList(),
                profileText.equals("true"));
    }

    private static String value(Function<String, String> properties, String name, String fallback) {
        String value = properties.apply(name);
        return value == null || value.isBlank() ? fallback : value.trim();
    }

    private static int positive(
            Function<String, String> properties, String name, String fallback, List<String> problems, int minimum) {
        String text = value(properties, name, fallback);
        try {
            int number = Integer.parseInt(text);
            if (number < minimum) {
                problems.add(name + "=" + text + ": must be at least " + minimum);
            }
            return number;
        } catch (NumberFormatException e) {
            problems.add(name + "=" + text + ": not a whole number");
            return minimum;
        }
    }

    /** The settings as the report prints them. */
    Map<String, String> describe() {
        Map<String, String> settings = new LinkedHashMap<>();
        settings.put("database", database);
        settings.put("warm-up", warmupSeconds + " s per client");
        settings.put(
                "saturation runs",
                rounds + " × " + saturationSeconds + " s per client, " + concurrency + " users in flight");
        settings.put("offered-load steps", fractions + " of control saturation, " + stepSeconds + " s each");
        return settings;
    }
}
