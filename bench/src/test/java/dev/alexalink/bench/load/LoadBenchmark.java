package dev.alexalink.bench.load;

import dev.alexalink.bench.load.GatlingRun.Figures;
import dev.alexalink.bench.load.GatlingRun.Result;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalTime;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The load benchmark: {@code mvn -Pload -pl bench -am verify}. Starts the assembly in production mode, adds a control
 * client beside the Alexa client, and for each scenario measures both clients in the same run:
 * <ol>
 *     <li>a warm-up;</li>
 *     <li>throughput at saturation: a closed model with a fixed number of users in flight, in alternating rounds
 *     (Alexa, control, control, Alexa, …) so that drift during the run falls on both alike;</li>
 *     <li>latency at fixed offered loads: an open model (arrivals per second, whatever the responses do) at fractions of
 *     the control client's saturation throughput, the same load for both clients.</li>
 * </ol>
 * Writes report.md and latency.png into bench.out. Fails if any request failed, after writing the report.
 */
public final class LoadBenchmark {

    /** The clock of a step's window, as bench/jfr-breakdown.py --window takes it (LocalTime.toString drops :00). */
    private static final DateTimeFormatter CLOCK = DateTimeFormatter.ofPattern("HH:mm:ss");

    record Step(double fraction, double offered, ClientUnderTest client, Figures token, Figures link, long failures) {}

    record ScenarioResult(Scenario scenario, Map<String, List<Double>> saturation, List<Step> steps) {

        double meanSaturation(String label) {
            return saturation.get(label).stream()
                    .mapToDouble(Double::doubleValue)
                    .average()
                    .orElseThrow();
        }

        Step step(double fraction, String label) {
            return steps.stream()
                    .filter(step ->
                            step.fraction() == fraction && step.client().label().equals(label))
                    .findFirst()
                    .orElseThrow();
        }
    }

    private final LoadPlan plan;
    private final Path gatlingResults;
    private final List<String> failedRuns = new ArrayList<>();
    private BenchServer server;
    private ClientUnderTest alexa;
    private ClientUnderTest control;
    private UserPool users;
    private final Map<String, Path> preparedSessions = new HashMap<>();

    LoadBenchmark(LoadPlan plan) {
        this.plan = plan;
        this.gatlingResults = plan.out().toAbsolutePath().resolve("gatling");
    }

    public static void main(String[] args) throws Exception {
        LoadPlan plan = LoadPlan.fromSystemProperties();
        LoadBenchmark benchmark = new LoadBenchmark(plan);
        // Ctrl-C must not leave Keycloak and PostgreSQL running.
        Thread stopServer = new Thread(benchmark::stopServer);
        Runtime.getRuntime().addShutdownHook(stopServer);
        Path report = benchmark.run();
        Runtime.getRuntime().removeShutdownHook(stopServer);
        System.out.println("\n" + Files.readString(report));
        System.out.println("Report: " + report + "\nPlot: " + report.resolveSibling(LoadReport.PLOT));
        if (!benchmark.failedRuns.isEmpty()) {
            System.err.println("Requests failed in: " + String.join("; ", benchmark.failedRuns));
            System.exit(1);
        }
    }

    private synchronized void stopServer() {
        if (server != null) {
            server.close();
        }
    }

    List<String> failedRuns() {
        return failedRuns;
    }

    Path run() throws Exception {
        Files.createDirectories(plan.out());
        long started = System.nanoTime();
        try (BenchServer running = BenchServer.start(plan)) {
            server = running;
            alexa = ClientUnderTest.alexa(server.alexaSecret());
            control = ClientUnderTest.createControl(server.realm());
            server.confirmOnlyAlexaIsGoverned(alexa, control);
            users = new UserPool(server.realm(), BenchServer.REALM, "bench");
            List<ScenarioResult> results = new ArrayList<>();
            for (Scenario scenario : plan.scenarios()) {
                results.add(measure(scenario));
            }
            double minutes = (System.nanoTime() - started) / 60e9;
            return LoadReport.write(plan, server, results, failedRuns, minutes);
        }
    }

    private ScenarioResult measure(Scenario scenario) {
        System.out.println("== " + scenario.id());
        double estimate = warmUp(scenario, 0, "warm-up");
        if (scenario == Scenario.LINK) {
            // Creating thousands of users loads the server and the database for a while after: create all that the
            // measured runs need now, then warm up again, so that no measured run follows a creation.
            double warmedUp = estimate;
            users.ensureAvailable(plan.rounds() * closedRunLinks(plan.saturationSeconds(), warmedUp)
                    + plan.fractions().stream()
                            .mapToInt(fraction -> openRunLinks(fraction * warmedUp * 1.2))
                            .sum());
            estimate = warmUp(scenario, estimate, "warm-up after creating users");
        }
        Map<String, List<Double>> saturation = new LinkedHashMap<>();
        saturation.put(alexa.label(), new ArrayList<>());
        saturation.put(control.label(), new ArrayList<>());
        for (int round = 0; round < plan.rounds(); round++) {
            List<ClientUnderTest> order = round % 2 == 0 ? List.of(alexa, control) : List.of(control, alexa);
            createUsersFor(scenario, closedRunLinks(plan.saturationSeconds(), estimate));
            for (ClientUnderTest client : order) {
                Result result =
                        closedRun(scenario, client, "saturation " + (round + 1), plan.saturationSeconds(), estimate);
                double throughput = result.of(scenario.tokenRequest()).perSecond(plan.saturationSeconds());
                saturation.get(client.label()).add(throughput);
                estimate = Math.max(estimate, throughput);
                System.out.printf(
                        "   %-8s saturation round %d: %.1f %s%n",
                        client.label(), round + 1, throughput, scenario.unit());
            }
        }
        double controlSaturation = saturation.get(control.label()).stream()
                .mapToDouble(Double::doubleValue)
                .average()
                .orElseThrow();
        List<Step> steps = new ArrayList<>();
        int index = 0;
        for (double fraction : plan.fractions()) {
            double offered = Math.max(0.5, fraction * controlSaturation);
            List<ClientUnderTest> order = index++ % 2 == 0 ? List.of(alexa, control) : List.of(control, alexa);
            createUsersFor(scenario, openRunLinks(offered));
            for (ClientUnderTest client : order) {
                String from = LocalTime.now().format(CLOCK);
                Result result = openRun(scenario, client, fraction, offered);
                String to = LocalTime.now().format(CLOCK);
                Figures token = result.of(scenario.tokenRequest());
                Figures link = scenario == Scenario.LINK ? result.of("link") : null;
                steps.add(new Step(fraction, offered, client, token, link, result.failures()));
                // The wall-clock window lets bench/jfr-breakdown.py --window look at this step alone.
                System.out.printf(
                        "   %-8s %.2f × saturation = %.1f/s offered: %s p50 %.0f ms, p99 %.0f ms (%s-%s)%n",
                        client.label(), fraction, offered, scenario.tokenRequest(), token.p50(), token.p99(), from, to);
            }
        }
        return new ScenarioResult(scenario, saturation, steps);
    }

    /** Saturating runs of both clients, unmeasured; returns the best throughput seen, to size what follows. */
    private double warmUp(Scenario scenario, double estimate, String what) {
        if (plan.warmupSeconds() == 0) {
            return estimate;
        }
        createUsersFor(scenario, closedRunLinks(plan.warmupSeconds(), estimate));
        double best = estimate;
        for (ClientUnderTest client : List.of(alexa, control)) {
            Result warm = closedRun(scenario, client, what, plan.warmupSeconds(), best);
            best = Math.max(best, warm.of(scenario.tokenRequest()).perSecond(plan.warmupSeconds()));
        }
        return best;
    }

    private Result closedRun(Scenario scenario, ClientUnderTest client, String what, int seconds, double estimate) {
        Map<String, String> settings = settings(scenario, client, seconds);
        settings.put("sim.model", "closed");
        settings.put("sim.concurrency", String.valueOf(plan.concurrency()));
        return gatling(scenario, client, what, settings, closedRunLinks(seconds, estimate));
    }

    /** A link consumes a fresh user: reserve generously above the best throughput seen so far. */
    private int closedRunLinks(int seconds, double estimate) {
        return (int) Math.ceil(Math.max(estimate, 40) * 1.5 * seconds) + plan.concurrency();
    }

    private int openRunLinks(double offered) {
        return (int) Math.ceil(offered * plan.stepSeconds() * 1.1) + 10;
    }

    /** Creates the users both clients' next runs need before either runs, so that neither runs during creation. */
    private void createUsersFor(Scenario scenario, int links) {
        if (scenario == Scenario.LINK) {
            users.ensureAvailable(links);
        }
    }

    private Result openRun(Scenario scenario, ClientUnderTest client, double fraction, double offered) {
        Map<String, String> settings = settings(scenario, client, plan.stepSeconds());
        settings.put("sim.model", "open");
        settings.put("sim.rate", String.valueOf(offered));
        return gatling(
                scenario, client, String.format("%.2f of saturation", fraction), settings, openRunLinks(offered));
    }

    private Map<String, String> settings(Scenario scenario, ClientUnderTest client, int seconds) {
        Map<String, String> settings = simulationSettings(client, scenario.id(), seconds);
        if (scenario != Scenario.LINK) {
            settings.put("sim.feed", preparedSessions(client).toString());
        }
        return settings;
    }

    /** What every run of {@link AlexaLinkingSimulation} is told: the server, the client, the mode and the length. */
    private Map<String, String> simulationSettings(ClientUnderTest client, String mode, int seconds) {
        Map<String, String> settings = new LinkedHashMap<>(client.settings());
        settings.put("sim.baseUrl", server.baseUrl());
        settings.put("sim.realm", BenchServer.REALM);
        settings.put("sim.mode", mode);
        settings.put("sim.seconds", String.valueOf(seconds));
        settings.put("sim.password", UserPool.PASSWORD);
        settings.put("sim.userPrefix", users.prefix());
        return settings;
    }

    private Result gatling(
            Scenario scenario, ClientUnderTest client, String what, Map<String, String> settings, int linksNeeded) {
        if (scenario == Scenario.LINK) {
            settings.put("sim.firstUser", String.valueOf(users.reserve(client.clientId(), linksNeeded)));
            settings.put("sim.userCount", String.valueOf(linksNeeded));
        } else {
            settings.put("sim.firstUser", "0");
            settings.put("sim.userCount", "0");
        }
        String description = scenario.id() + " " + client.label() + " " + what;
        Result result = GatlingRun.run(description, settings, gatlingResults);
        if (result.console().contains("Feeder is now empty")) {
            throw new IllegalStateException("Run '" + description + "' ran out of fresh users after " + linksNeeded
                    + ": reserve more in LoadBenchmark.closedRunLinks");
        }
        if (result.failures() > 0) {
            failedRuns.add(
                    description + ": " + result.failures() + " failed requests (report " + result.report() + ")");
            System.out.println(
                    "   " + description + ": " + result.failures() + " requests FAILED; see " + result.report());
        }
        return result;
    }

    /** Users linked once to the client, whose SSO cookie and refresh token the exchange and refresh runs reuse. */
    private Path preparedSessions(ClientUnderTest client) {
        return preparedSessions.computeIfAbsent(client.label(), label -> {
            int count = Math.max(8, plan.concurrency() * 4);
            Path feed = plan.out().toAbsolutePath().resolve("feeds").resolve(client.clientId() + ".csv");
            Map<String, String> settings = simulationSettings(client, "prepare", Math.max(1, count / 20));
            settings.put("sim.model", "all");
            settings.put("sim.firstUser", String.valueOf(users.reserve(client.clientId(), count)));
            settings.put("sim.userCount", String.valueOf(count));
            settings.put("sim.feed", feed.toString());
            try {
                Files.createDirectories(feed.getParent());
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
            Result result = GatlingRun.run("prepare " + client.label(), settings, gatlingResults);
            if (result.failures() > 0) {
                throw new IllegalStateException(
                        "Preparing " + count + " linked users for " + client.clientId() + " failed " + result.failures()
                                + " requests; report " + result.report() + "\n" + GatlingRun.tail(result.console()));
            }
            return feed;
        });
    }
}
