package nl.leerroute.scale;

import java.io.IOException;
import java.lang.management.ManagementFactory;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;

/** The machine's state printed with every benchmark figure: on a shared machine a figure means little without it. */
public final class Machine {

    private Machine() {
    }

    /** {@code /proc/loadavg}: load averages over 1, 5 and 15 minutes. */
    public static String load() {
        try {
            String[] parts = Files.readString(Path.of("/proc/loadavg")).trim().split(" ");
            return "load " + parts[0] + " " + parts[1] + " " + parts[2];
        } catch (IOException e) {
            return "load unknown";
        }
    }

    public static String describe() {
        Runtime runtime = Runtime.getRuntime();
        return runtime.availableProcessors() + " cores, Java " + System.getProperty("java.version") + ", max heap "
                + runtime.maxMemory() / (1 << 20) + " MB, " + load();
    }

    /** CPU seconds this JVM has used so far (all threads): on a shared machine, a measure that load does not stretch as much as wall time. */
    public static double cpuSeconds() {
        return ((com.sun.management.OperatingSystemMXBean) ManagementFactory.getOperatingSystemMXBean())
                .getProcessCpuTime() / 1e9;
    }

    /** Heap in use after a full collection (what the application holds), in MB. */
    public static long liveHeapMb() {
        for (int i = 0; i < 3; i++) {
            System.gc();
        }
        return ManagementFactory.getMemoryMXBean().getHeapMemoryUsage().getUsed() / (1 << 20);
    }

    /** CPU seconds of every live Java thread, by thread id and name. */
    public static Map<String, Double> threadCpuSeconds() {
        java.lang.management.ThreadMXBean threads = ManagementFactory.getThreadMXBean();
        Map<String, Double> cpu = new java.util.HashMap<>();
        for (java.lang.management.ThreadInfo info : threads.getThreadInfo(threads.getAllThreadIds())) {
            if (info != null) {
                long nanos = threads.getThreadCpuTime(info.getThreadId());
                if (nanos >= 0) {
                    cpu.put(info.getThreadId() + " " + info.getThreadName(), nanos / 1e9);
                }
            }
        }
        return cpu;
    }

    /**
     * Where the CPU of a run went, per operation, by thread group (names with digits folded); "not Java" is
     * the process's CPU that no live Java thread accounts for: JIT compilers, GC, and threads that ended.
     */
    public static String perThreadGroup(Map<String, Double> before, Map<String, Double> after, double processCpu,
            int operations) {
        Map<String, Double> groups = new java.util.TreeMap<>();
        double javaThreads = 0;
        for (Map.Entry<String, Double> e : after.entrySet()) {
            double used = e.getValue() - before.getOrDefault(e.getKey(), 0.0);
            String name = e.getKey().substring(e.getKey().indexOf(' ') + 1).replaceAll("[0-9]+", "#");
            groups.merge(name, used, Double::sum);
            javaThreads += used;
        }
        groups.put("not Java (JIT, GC, ended threads)", processCpu - javaThreads);
        return groups.entrySet().stream().filter(e -> e.getValue() * 1000 / Math.max(1, operations) >= 0.05)
                .sorted(Map.Entry.<String, Double>comparingByValue().reversed())
                .map(e -> String.format("%s %.2f", e.getKey(), e.getValue() * 1000 / Math.max(1, operations)))
                .collect(java.util.stream.Collectors.joining(", "));
    }
}
