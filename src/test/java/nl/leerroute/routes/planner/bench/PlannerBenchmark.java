package nl.leerroute.routes.planner.bench;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;

import nl.leerroute.routes.planner.RoutePlan;
import nl.leerroute.routes.planner.RoutePlan.Route;
import nl.leerroute.routes.planner.RoutePlan.Status;
import nl.leerroute.routes.planner.RoutePlanner;

/**
 * Route-planner benchmark: seeded random instances at three sizes, the exact planner against greedy and a
 * straightforward CP-SAT model (1 worker, fixed seed) in the same run. Run with (see PLANNER-NOTES.md):
 *
 * <pre>
 * mvn -q -B test-compile exec:java -Dexec.mainClass=nl.leerroute.routes.planner.bench.PlannerBenchmark \
 *     -Dexec.classpathScope=test [-Dexec.args="50 30 20"]
 * </pre>
 *
 * The optional arguments are the number of instances per size (40/12, 300/40, 2000/60);
 * {@code -Dbench.generator=uniform} runs the first, uniform generator instead of the catalogue-shaped one.
 */
public final class PlannerBenchmark {

    private PlannerBenchmark() {
    }

    public static void main(String[] args) {
        int[][] sizes = {{40, 12}, {300, 40}, {2000, 60}};
        int[] counts = {50, 30, 20};
        for (int i = 0; i < args.length && i < 3; i++) {
            counts[i] = Integer.parseInt(args[i]);
        }
        System.out.println("Loading OR-Tools and warming up ...");
        CpSatBaseline.load();
        for (int s = 0; s < 3; s++) {
            for (int i = 0; i < 3; i++) {
                var c = BenchmarkInstances.generate(sizes[s][0], sizes[s][1], 9_000 + i);
                RoutePlanner.plan(c.cat(), c.profile(), c.req());
                if (s < 2) {
                    CpSatBaseline.solve(c.cat(), c.profile(), c.req(), null, 10);
                }
            }
        }
        var os = java.lang.management.ManagementFactory.getOperatingSystemMXBean();
        System.out.printf(Locale.ROOT, "generator %s, %d cores, load average %.2f at start%n",
                System.getProperty("bench.generator", "catalogue"), os.getAvailableProcessors(), os.getSystemLoadAverage());
        System.out.printf(Locale.ROOT, "%-9s %4s | %-30s | %-24s | %-26s | %s%n", "size", "n",
                "planner median / p95 / max ms", "proven optimal", "greedy hours vs optimal", "CP-SAT median / p95 ms,"
                        + " proven, agrees");
        for (int s = 0; s < 3; s++) {
            run(sizes[s][0], sizes[s][1], counts[s]);
        }
        System.out.printf(Locale.ROOT, "load average %.2f at the end (the machine may be shared)%n",
                os.getSystemLoadAverage());
    }

    private static void run(int candidates, int missing, int count) {
        double[] ours = new double[count];
        double[] cp = new double[count];
        int proven = 0;
        int cpProven = 0;
        int agree = 0;
        int compared = 0;
        double sumGreedy = 0;
        double maxGreedy = 0;
        int greedyCount = 0;
        for (int i = 0; i < count; i++) {
            var c = BenchmarkInstances.generate(candidates, missing, 1_000L * candidates + i);
            long t0 = System.nanoTime();
            RoutePlan plan = RoutePlanner.plan(c.cat(), c.profile(), c.req());
            ours[i] = (System.nanoTime() - t0) / 1e6;
            if (plan.status() == Status.OPTIMAL) {
                proven++;
            }
            Route greedy = RoutePlanner.greedyRoute(c.cat(), c.profile(), c.req());
            if (plan.best() != null && greedy != null && plan.best().totals().hours() > 0) {
                double worse = (double) greedy.totals().hours() / plan.best().totals().hours() - 1;
                sumGreedy += worse;
                maxGreedy = Math.max(maxGreedy, worse);
                greedyCount++;
            }
            var hint = greedy == null ? null : new HashSet<>(greedy.unitIds());
            CpSatBaseline.Result r = CpSatBaseline.solve(c.cat(), c.profile(), c.req(), hint, 10);
            cp[i] = r.millis();
            if (r.optimal()) {
                cpProven++;
            }
            if (r.optimal() && plan.status() == Status.OPTIMAL) {
                compared++;
                var t = plan.best().totals();
                long objective = CpSatBaseline.objective(c.cat(), t.hours(), t.costCents(), t.units());
                if (objective == r.objective()) {
                    agree++;
                } else {
                    System.out.printf("  instance %d: planner objective %d, CP-SAT %d%n", i, objective, r.objective());
                }
            }
        }
        System.out.printf(Locale.ROOT, "%4d/%-4d %4d | %8.2f / %8.2f / %8.2f | %3d/%-3d = %5.1f %% | mean +%5.2f %%, max +%5.2f %%"
                + " | %8.2f / %8.2f, %d/%d, %d/%d  (speed-up of medians %.1fx)%n", candidates, missing, count,
                median(ours), p95(ours), max(ours), proven, count, 100.0 * proven / count,
                100 * sumGreedy / Math.max(1, greedyCount), 100 * maxGreedy, median(cp), p95(cp), cpProven, count,
                agree, compared, median(cp) / median(ours));
    }

    static double median(double[] a) {
        double[] s = a.clone();
        Arrays.sort(s);
        return s.length % 2 == 1 ? s[s.length / 2] : (s[s.length / 2 - 1] + s[s.length / 2]) / 2;
    }

    static double p95(double[] a) {
        double[] s = a.clone();
        Arrays.sort(s);
        return s[(int) Math.ceil(0.95 * s.length) - 1];
    }

    static double max(double[] a) {
        return Arrays.stream(a).max().orElse(0);
    }
}
