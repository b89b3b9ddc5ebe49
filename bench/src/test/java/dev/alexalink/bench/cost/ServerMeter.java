package dev.alexalink.bench.cost;

import com.sun.management.OperatingSystemMXBean;
import com.sun.management.ThreadMXBean;
import com.sun.tools.attach.VirtualMachine;

import javax.management.MBeanServerConnection;
import javax.management.remote.JMXConnector;
import javax.management.remote.JMXConnectorFactory;
import javax.management.remote.JMXServiceURL;
import java.io.IOException;
import java.lang.management.ManagementFactory;
import java.util.HashMap;
import java.util.Map;

/**
 * What the Keycloak process has spent so far: CPU time of all its threads (the JVM's own count, in nanoseconds,
 * GC and JIT included) and bytes allocated by its threads. Read over JMX from the JVM's local management agent,
 * started through the attach API, so that the server runs with no flag of the benchmark's.
 */
final class ServerMeter implements AutoCloseable {

    /** A difference of two readings: CPU time, and the bytes allocated by the threads alive at its end. */
    record Spent(long cpuNanos, long allocatedBytes) {}

    /** The process's CPU time, and each live thread's allocations so far by thread ID. */
    record Reading(long cpuNanos, Map<Long, Long> allocatedByThread) {

        /**
         * What was spent since {@code earlier}. Allocations count per thread, so that a thread that ended in between
         * (Quarkus ends idle worker threads) cannot make the sum shrink: its last allocations go uncounted instead.
         */
        Spent minus(Reading earlier) {
            long bytes = 0;
            for (Map.Entry<Long, Long> thread : allocatedByThread.entrySet()) {
                bytes += thread.getValue() - earlier.allocatedByThread.getOrDefault(thread.getKey(), 0L);
            }
            return new Spent(cpuNanos - earlier.cpuNanos, bytes);
        }
    }

    private final JMXConnector connector;
    private final OperatingSystemMXBean os;
    private final ThreadMXBean threads;

    private ServerMeter(JMXConnector connector, OperatingSystemMXBean os, ThreadMXBean threads) {
        this.connector = connector;
        this.os = os;
        this.threads = threads;
    }

    static ServerMeter attach(long pid) throws Exception {
        VirtualMachine vm = VirtualMachine.attach(String.valueOf(pid));
        String address;
        try {
            address = vm.startLocalManagementAgent();
        } finally {
            vm.detach();
        }
        JMXConnector connector = JMXConnectorFactory.connect(new JMXServiceURL(address));
        MBeanServerConnection server = connector.getMBeanServerConnection();
        return new ServerMeter(
                connector,
                ManagementFactory.newPlatformMXBeanProxy(
                        server, ManagementFactory.OPERATING_SYSTEM_MXBEAN_NAME, OperatingSystemMXBean.class),
                ManagementFactory.newPlatformMXBeanProxy(
                        server, ManagementFactory.THREAD_MXBEAN_NAME, ThreadMXBean.class));
    }

    Reading read() {
        long[] ids = threads.getAllThreadIds();
        long[] allocated = threads.getThreadAllocatedBytes(ids);
        Map<Long, Long> byThread = new HashMap<>();
        for (int i = 0; i < ids.length; i++) {
            if (allocated[i] > 0) {
                byThread.put(ids[i], allocated[i]);
            }
        }
        return new Reading(os.getProcessCpuTime(), byThread);
    }

    @Override
    public void close() throws IOException {
        connector.close();
    }
}
