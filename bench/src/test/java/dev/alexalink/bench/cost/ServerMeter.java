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
import java.util.Arrays;

/**
 * What the Keycloak process has spent so far: CPU time of all its threads (the JVM's own count, in nanoseconds,
 * GC and JIT included) and bytes allocated by its live threads. Read over JMX from the JVM's local management agent,
 * started through the attach API, so that the server runs with no flag of the benchmark's.
 */
final class ServerMeter implements AutoCloseable {

    record Reading(long cpuNanos, long allocatedBytes) {

        Reading minus(Reading earlier) {
            return new Reading(cpuNanos - earlier.cpuNanos, allocatedBytes - earlier.allocatedBytes);
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

    /**
     * The process's CPU time and its live threads' allocations. A thread that ends between two readings takes its
     * allocations with it; the server's request threads are pooled and live through a block.
     */
    Reading read() {
        long[] allocated = threads.getThreadAllocatedBytes(threads.getAllThreadIds());
        return new Reading(
                os.getProcessCpuTime(),
                Arrays.stream(allocated).filter(bytes -> bytes > 0).sum());
    }

    @Override
    public void close() throws IOException {
        connector.close();
    }
}
