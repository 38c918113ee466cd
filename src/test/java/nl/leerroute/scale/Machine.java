package nl.leerroute.scale;

import java.io.IOException;
import java.lang.management.ManagementFactory;
import java.nio.file.Files;
import java.nio.file.Path;

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
}
