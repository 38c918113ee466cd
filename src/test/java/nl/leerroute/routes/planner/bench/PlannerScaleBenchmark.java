package nl.leerroute.routes.planner.bench;

import java.lang.management.ManagementFactory;
import java.lang.management.ThreadMXBean;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.LocalDate;
import java.util.Arrays;
import java.util.EnumMap;
import java.util.Locale;
import java.util.Map;

import nl.leerroute.routes.planner.PlanRequest;
import nl.leerroute.routes.planner.PlanRequest.Constraints;
import nl.leerroute.routes.planner.RoutePlan;
import nl.leerroute.routes.planner.RoutePlan.Status;
import nl.leerroute.routes.planner.RoutePlanner;
import nl.leerroute.seed.SeedPlannerData;

/**
 * The planner alone on a generated seed (no Neo4j, no HTTP): a seeded sample of people, each planned towards
 * their goal as {@code planRoute} would (no constraints, no alternatives, the service's 5 s limit), timed in CPU
 * time of the planning thread, so a busy machine inflates the figures less than wall time would.
 *
 * <pre>
 * mvn -q -B test-compile exec:java -Dexec.mainClass=nl.leerroute.routes.planner.bench.PlannerScaleBenchmark \
 *     -Dexec.classpathScope=test -Dexec.args="target/scale/seed-0.1 2000"
 * </pre>
 *
 * Arguments: the seed directory and the sample size (default 2000). {@code -Dbench.start=YYYY-MM-DD} sets the
 * start date (default 2027-01-04), {@code -Dbench.seed} the sampling seed. Scale 1 needs about -Xmx6g
 * ({@code MAVEN_OPTS}).
 */
public final class PlannerScaleBenchmark {

    private PlannerScaleBenchmark() {
    }

    public static void main(String[] args) throws Exception {
        Path dir = Path.of(args.length > 0 ? args[0] : "target/scale/seed-0.1");
        int sample = args.length > 1 ? Integer.parseInt(args[1]) : 2000;
        long seed = Long.getLong("bench.seed", 8L);
        LocalDate start = LocalDate.parse(System.getProperty("bench.start", "2027-01-04"));
        long t0 = System.nanoTime();
        SeedPlannerData data = SeedPlannerData.read(dir, sample, seed);
        System.out.printf(Locale.ROOT, "%s: %d units, %d outcomes, %d people sampled, read in %.1f s%n", dir,
                data.snapshot.units().size(), data.snapshot.outcomes().size(), data.people.size(),
                (System.nanoTime() - t0) / 1e9);
        ThreadMXBean threads = ManagementFactory.getThreadMXBean();
        // warm-up: the JIT compiles the planner on a share of the same people
        for (int i = 0; i < Math.min(300, data.people.size()); i++) {
            plan(data, data.people.get(i), start);
        }
        System.out.println("load average before: " + loadavg());
        int n = data.people.size();
        double[] cpu = new double[n];
        double[] wall = new double[n];
        long[] nodes = new long[n];
        Map<Status, Integer> counts = new EnumMap<>(Status.class);
        long cpuStart = threads.getCurrentThreadCpuTime();
        long wallStart = System.nanoTime();
        for (int i = 0; i < n; i++) {
            SeedPlannerData.Person person = data.people.get(i);
            long c0 = threads.getCurrentThreadCpuTime();
            long w0 = System.nanoTime();
            RoutePlan plan = plan(data, person, start);
            wall[i] = (System.nanoTime() - w0) / 1e6;
            cpu[i] = (threads.getCurrentThreadCpuTime() - c0) / 1e6;
            nodes[i] = plan.searchNodes();
            counts.merge(plan.status(), 1, Integer::sum);
            if (plan.status() != Status.OPTIMAL && Boolean.getBoolean("bench.verbose")) {
                System.out.printf(Locale.ROOT, "  %s %s: %s, %d nodes, %.1f ms CPU%n", person.id(), person.goal(),
                        plan.status(), plan.searchNodes(), cpu[i]);
            }
        }
        double totalCpu = (threads.getCurrentThreadCpuTime() - cpuStart) / 1e9;
        double totalWall = (System.nanoTime() - wallStart) / 1e9;
        System.out.println("load average after:  " + loadavg());
        System.out.println("status: " + counts);
        System.out.printf(Locale.ROOT, "CPU ms per plan:  p50 %.2f  p95 %.2f  p99 %.2f  max %.2f  (mean %.2f)%n",
                pct(cpu, 50), pct(cpu, 95), pct(cpu, 99), pct(cpu, 100), Arrays.stream(cpu).average().orElse(0));
        System.out.printf(Locale.ROOT, "wall ms per plan: p50 %.2f  p95 %.2f  p99 %.2f  max %.2f%n",
                pct(wall, 50), pct(wall, 95), pct(wall, 99), pct(wall, 100));
        double[] nd = Arrays.stream(nodes).asDoubleStream().toArray();
        System.out.printf(Locale.ROOT, "search nodes:     p50 %.0f  p95 %.0f  max %.0f%n", pct(nd, 50), pct(nd, 95),
                pct(nd, 100));
        System.out.printf(Locale.ROOT, "%d plans in %.2f s CPU, %.2f s wall%n", n, totalCpu, totalWall);
    }

    private static RoutePlan plan(SeedPlannerData data, SeedPlannerData.Person person, LocalDate start) {
        PlanRequest req = new PlanRequest(person.targets(), Constraints.none(), start, 0, Duration.ofSeconds(5), 0);
        return RoutePlanner.plan(data.snapshot, person.profile(), req);
    }

    /** Nearest-rank percentile. */
    static double pct(double[] a, double p) {
        if (a.length == 0) {
            return 0;
        }
        double[] s = a.clone();
        Arrays.sort(s);
        return s[Math.max(0, (int) Math.ceil(p / 100 * s.length) - 1)];
    }

    private static String loadavg() {
        try {
            return Files.readString(Path.of("/proc/loadavg")).strip();
        } catch (Exception e) {
            return "n/a";
        }
    }
}
