package dev.alexalink.bench.cost;

import dev.alexalink.bench.load.BenchServer;
import dev.alexalink.bench.load.ClientUnderTest;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

/**
 * The cost benchmark: {@code mvn -Pcost -pl bench -am verify}. What a request costs the server, not how many it
 * serves: the Keycloak process's CPU time and allocated bytes around blocks of requests, Alexa client and control
 * client in the same run, blocks interleaved Alexa, control, control, Alexa, … so that drift falls on both alike.
 * CPU time per request hardly moves with what else runs on the machine, unlike throughput, so it resolves the small
 * differences the load benchmark cannot. Writes cost.md into bench.out.
 */
public final class CostBenchmark {

    /** The blocks of one client in one scenario: CPU nanoseconds and bytes per request, in the order measured. */
    record Blocks(List<Double> cpuNanos, List<Double> bytes) {

        Blocks() {
            this(new ArrayList<>(), new ArrayList<>());
        }
    }

    record ScenarioCost(CostScenario scenario, int blockSize, Map<String, Blocks> clients) {}

    private final CostPlan plan;

    CostBenchmark(CostPlan plan) {
        this.plan = plan;
    }

    public static void main(String[] args) throws Exception {
        CostPlan plan = CostPlan.fromSystemProperties();
        Path report = new CostBenchmark(plan).run();
        System.out.println("\n" + Files.readString(report) + "\nReport: " + report);
    }

    Path run() throws Exception {
        Files.createDirectories(plan.out());
        long started = System.nanoTime();
        try (BenchServer server = BenchServer.start(plan.out(), plan.database(), plan.profile())) {
            Thread stop = new Thread(server::close);
            Runtime.getRuntime().addShutdownHook(stop);
            ClientUnderTest alexa = ClientUnderTest.alexa(server.alexaSecret());
            ClientUnderTest control = ClientUnderTest.createControl(server.realm());
            server.confirmOnlyAlexaIsGoverned(alexa, control);
            long pid = server.keycloak().javaProcesses().get(0).pid();
            Workloads workloads = new Workloads(server, plan);
            List<ScenarioCost> results = new ArrayList<>();
            ExecutorService threads = Executors.newFixedThreadPool(plan.threads());
            try (ServerMeter meter = ServerMeter.attach(pid)) {
                for (CostScenario scenario : plan.scenarios()) {
                    results.add(measure(scenario, workloads, meter, threads, alexa, control));
                }
            } finally {
                threads.shutdownNow();
            }
            Runtime.getRuntime().removeShutdownHook(stop);
            double minutes = (System.nanoTime() - started) / 60e9;
            return CostReport.write(plan, server, results, minutes);
        }
    }

    private ScenarioCost measure(
            CostScenario scenario,
            Workloads workloads,
            ServerMeter meter,
            ExecutorService threads,
            ClientUnderTest alexa,
            ClientUnderTest control)
            throws Exception {
        int size = plan.size(scenario);
        int perClient = size * (plan.warmupBlocks() + plan.blocks());
        System.out.printf("== %s: preparing%n", scenario.id());
        Map<String, Workloads.Workload> work = new LinkedHashMap<>();
        work.put(alexa.label(), workloads.prepare(scenario, alexa, perClient));
        work.put(control.label(), workloads.prepare(scenario, control, perClient));
        Map<String, Blocks> blocks = new LinkedHashMap<>();
        work.keySet().forEach(label -> blocks.put(label, new Blocks()));
        List<String> labels = List.copyOf(work.keySet());
        for (int block = 0; block < 2 * (plan.warmupBlocks() + plan.blocks()); block++) {
            // A B B A A B B A …: each client comes first as often as second.
            String label = labels.get((block + block / 2) % 2 == 0 ? 0 : 1);
            boolean warmUp = block < 2 * plan.warmupBlocks();
            ServerMeter.Reading before = meter.read();
            run(work.get(label), threads, size);
            ServerMeter.Spent spent = meter.read().minus(before);
            double cpu = (double) spent.cpuNanos() / size;
            double bytes = (double) spent.allocatedBytes() / size;
            System.out.printf(
                    "   %-8s %s %2d: %8.0f µs CPU, %8.1f KiB allocated per %s%n",
                    label, warmUp ? "warm-up" : "block  ", block, cpu / 1e3, bytes / 1024, scenario.unit());
            if (!warmUp) {
                blocks.get(label).cpuNanos().add(cpu);
                blocks.get(label).bytes().add(bytes);
            }
        }
        return new ScenarioCost(scenario, size, blocks);
    }

    /** The block's iterations, split evenly over the threads; fails with the first failure of any. */
    private void run(Workloads.Workload workload, ExecutorService threads, int size) throws Exception {
        List<Future<?>> running = new ArrayList<>();
        for (int thread = 0; thread < plan.threads(); thread++) {
            int own = size / plan.threads() + (thread < size % plan.threads() ? 1 : 0);
            int index = thread;
            running.add(threads.submit(() -> {
                workload.run(index, own);
                return null;
            }));
        }
        for (Future<?> thread : running) {
            thread.get();
        }
    }
}
