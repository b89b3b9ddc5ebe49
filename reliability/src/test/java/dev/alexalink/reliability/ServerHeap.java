package dev.alexalink.reliability;

import dev.alexalink.testkit.server.KeycloakServer;

import java.net.URI;
import java.nio.file.Path;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** The heap a running server keeps: a full GC in its JVM (jcmd GC.run), then the heap pools on its /metrics. */
final class ServerHeap {

    private static final Pattern HEAP_USED =
            Pattern.compile("^jvm_memory_used_bytes\\{[^}]*area=\"heap\"[^}]*}\\s+([0-9.eE+]+)$", Pattern.MULTILINE);

    private ServerHeap() {}

    /** Bytes of heap in use right after a full collection. */
    static long afterFullGc(KeycloakServer server) throws Exception {
        long pid = server.javaProcesses().stream()
                .findFirst()
                .orElseThrow(() -> new IllegalStateException("no Java process of the server"))
                .pid();
        Process jcmd = new ProcessBuilder(
                        Path.of(System.getProperty("java.home"), "bin", "jcmd").toString(),
                        Long.toString(pid),
                        "GC.run")
                .redirectErrorStream(true)
                .start();
        String output = new String(jcmd.getInputStream().readAllBytes());
        if (!jcmd.waitFor(2, TimeUnit.MINUTES) || jcmd.exitValue() != 0) {
            throw new IllegalStateException("jcmd " + pid + " GC.run failed: " + output);
        }
        String metrics = AttackSuiteHttp.get(URI.create(server.managementBaseUrl() + "/metrics"))
                .body();
        Matcher m = HEAP_USED.matcher(metrics);
        double used = 0;
        while (m.find()) {
            used += Double.parseDouble(m.group(1));
        }
        if (used == 0) {
            throw new IllegalStateException(
                    "no jvm_memory_used_bytes{area=\"heap\"} on " + server.managementBaseUrl() + "/metrics");
        }
        return (long) used;
    }
}
