package nl.leerroute.scale;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;

import nl.leerroute.LeerrouteApplication;
import nl.leerroute.routes.CatalogueSnapshots;
import nl.leerroute.seed.SyntheticSeed;
import org.neo4j.driver.Driver;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;

/**
 * Starts Leerroute in this JVM on a data set and measures what a user of the API feels: the
 * catalogue snapshot's rebuild time and the heap it holds, then {@code planRoute} end to end over
 * HTTP and GraphQL (sign-in, access rules, access log, Neo4j reads, planner) with 1, 20 and 50
 * concurrent clients ({@link LoadDriver}). Not part of {@code mvn verify}; run (README, "Scale and speed"):
 * <pre>
 * mvn -q -B test-compile exec:java -Dexec.mainClass=nl.leerroute.scale.ServingBenchmark -Dexec.classpathScope=test \
 *     -Dexec.args="shipped,0.01"
 * </pre>
 * {@code shipped} imports the shipped seed into a fresh database; a scale such as {@code 0.01} uses the
 * database the import benchmark left in {@code target/scale/db-0.01} ({@code -Dbench.keep=true}).
 * Properties: {@code bench.clients} (1,20,50), {@code bench.requests} (per level, 3000),
 * {@code bench.seconds} (per level, 40), {@code bench.pageCache} (1g); {@code bench.rates} (200): after the
 * closed-loop levels, {@code bench.rateClients} (20) clients send at each of these fixed total rates (routes/s);
 * {@code bench.warmUp} (20000), {@code bench.warmUpClients} (20), {@code bench.warmUpSeconds} (120): the warm-up
 * before the first measured level, not counted, bounded by requests and seconds.
 */
public final class ServingBenchmark {

    private ServingBenchmark() {
    }

    public static void main(String[] args) throws Exception {
        List<String> sets = List.of((args.length > 0 ? args[0] : "shipped").split(","));
        int[] clients = Arrays.stream(System.getProperty("bench.clients", "1,20,50").split(","))
                .mapToInt(Integer::parseInt).toArray();
        double[] rates = Arrays.stream(System.getProperty("bench.rates", "200").split(",")).filter(r -> !r.isBlank())
                .mapToDouble(Double::parseDouble).toArray();
        int requests = Integer.getInteger("bench.requests", 3000);
        Duration time = Duration.ofSeconds(Integer.getInteger("bench.seconds", 40));
        System.out.println("Serving benchmark: " + Machine.describe());
        for (String set : sets) {
            run(set, clients, rates, requests, time);
        }
        System.exit(0);
    }

    private static void run(String set, int[] clients, double[] rates, int requests, Duration time)
            throws Exception {
        boolean shipped = set.equals("shipped");
        Path database = Path.of("target/scale/db-" + set);
        if (shipped) {
            nl.leerroute.seed.ImportBenchmark.delete(database);
        } else if (!Files.isDirectory(database)) {
            throw new IllegalStateException(database + " is missing: run ImportBenchmark with -Dbench.keep=true "
                    + "for scale " + set);
        }
        long starting = System.nanoTime();
        ConfigurableApplicationContext context = new SpringApplicationBuilder(LeerrouteApplication.class)
                .properties(Map.of(
                        "server.port", "0",
                        "leerroute.neo4j.embedded.data-directory", database.toAbsolutePath().toString(),
                        "leerroute.neo4j.embedded.page-cache", System.getProperty("bench.pageCache", "1g"),
                        "leerroute.seed.enabled", String.valueOf(shipped),
                        "logging.level.nl.leerroute", "WARN",
                        "logging.level.org.springframework", "WARN"))
                .run();
        try {
            System.out.printf("%s: started in %.1f s (%s)%n", set, (System.nanoTime() - starting) / 1e9,
                    Machine.load());
            CatalogueSnapshots snapshots = context.getBean(CatalogueSnapshots.class);
            List<Double> rebuilds = new ArrayList<>();
            for (int i = 0; i < 3; i++) {
                long started = System.nanoTime();
                snapshots.rebuild();
                rebuilds.add((System.nanoTime() - started) / 1e6);
            }
            System.out.printf("%s: SNAPSHOT rebuild %s ms (3 runs), %,d units; live heap with snapshot %d MB "
                    + "(%s)%n", set, rebuilds.stream().map(d -> String.format("%.0f", d)).toList(),
                    snapshots.current().units().size(), Machine.liveHeapMb(), Machine.load());

            List<LoadDriver.Plan> plans = plans(context.getBean(Driver.class), set);
            int port = Integer.parseInt(context.getEnvironment().getProperty("local.server.port"));
            LoadDriver driver = new LoadDriver(port);
            String token = driver.token("admin", "leerroute-demo");
            // warm-up: JIT, Cypher plans, page cache; not counted. The JIT needs many thousands of routes: with
            // a short warm-up the first levels measure the compiler (on the shipped seed, three 30 s levels
            // of 20 clients after 4,000 routes gave 298, 400 and 417 routes/s)
            LoadDriver.Figures warmUp = driver.run(plans, token, Integer.getInteger("bench.warmUpClients", 20),
                    Integer.getInteger("bench.warmUp", 20_000),
                    Duration.ofSeconds(Integer.getInteger("bench.warmUpSeconds", 120)));
            System.out.printf("%s: warm-up %s%n", set, warmUp);
            int rateClients = Integer.getInteger("bench.rateClients", 20);
            List<double[]> levels = new ArrayList<>();
            for (int c : clients) {
                levels.add(new double[] {c, 0});
            }
            for (double rate : rates) {
                levels.add(new double[] {rateClients, rate});
            }
            for (double[] level : levels) {
                token = driver.token("admin", "leerroute-demo");
                Map<String, Double> threadsBefore = Machine.threadCpuSeconds();
                double cpuBefore = Machine.cpuSeconds();
                LoadDriver.Figures figures = driver.run(plans, token, (int) level[0], level[1], requests, time);
                System.out.printf("%s: PLANROUTE %s (%s)%n", set, figures, Machine.load());
                System.out.printf("%s:   CPU ms/route by thread: %s%n", set, Machine.perThreadGroup(threadsBefore,
                        Machine.threadCpuSeconds(), Machine.cpuSeconds() - cpuBefore, figures.requests()));
                if (figures.errors() > 0) {
                    System.out.println("  last error: " + LoadDriver.lastError());
                }
            }
            System.out.printf("%s: live heap after load %d MB (%s)%n", set, Machine.liveHeapMb(), Machine.load());
        } finally {
            context.close();
        }
    }

    /** The people and goals to plan for: every demo person's goals, or 2,000 random synthetic people's. */
    private static List<LoadDriver.Plan> plans(Driver driver, String set) {
        Map<String, Object> parameters;
        String cypher;
        if (set.equals("shipped")) {
            cypher = "MATCH (p:Person)-[:HAS_GOAL]->(g) RETURN p.id AS person, labels(g)[0] AS kind, g.id AS goal";
            parameters = Map.of();
        } else {
            int people = SyntheticSeed.Size.scaled(Double.parseDouble(set)).people();
            SplittableRandom random = new SplittableRandom(42);
            List<String> ids = new ArrayList<>();
            for (int i = 0; i < 2000; i++) {
                ids.add(String.format("p-%07d", random.nextInt(people)));
            }
            cypher = "MATCH (p:Person)-[:HAS_GOAL]->(g) WHERE p.id IN $ids "
                    + "RETURN p.id AS person, labels(g)[0] AS kind, g.id AS goal";
            parameters = Map.of("ids", ids);
        }
        List<LoadDriver.Plan> plans = new ArrayList<>();
        driver.executableQuery(cypher).withParameters(parameters).execute().records().forEach(r -> {
            String field = switch (r.get("kind").asString()) {
                case "Role" -> "roleId";
                case "Certificate" -> "certificateId";
                default -> "programmeId";
            };
            plans.add(new LoadDriver.Plan(r.get("person").asString(), field, r.get("goal").asString()));
        });
        System.out.printf("%s: %d (person, goal) pairs to plan%n", set, plans.size());
        return plans;
    }
}
