package nl.leerroute.scale;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;

import tools.jackson.databind.json.JsonMapper;

/**
 * A load driver on loopback: {@code clients} threads each send {@code planRoute} over GraphQL until
 * {@code maxRequests} have been sent in total or {@code maxTime} has passed; it always stops by itself.
 * <ul>
 * <li>Closed loop ({@code ratePerSecond} 0): each client sends its next request as soon as the last one is
 * answered, so throughput is the most the server gives and latency is mostly queueing (clients / throughput).</li>
 * <li>Fixed rate: the clients together send {@code ratePerSecond} requests a second, each on a schedule of its
 * own; latency counts from the moment a request was due, not from when it was sent, so a server that falls
 * behind is charged for the wait it causes (no coordinated omission).</li>
 * </ul>
 */
public final class LoadDriver {

    private static final JsonMapper JSON = JsonMapper.builder().build();

    /** One route request: a person and their goal. */
    public record Plan(String personId, String targetField, String targetId) {
    }

    /**
     * @param cpuMsPerRoute process CPU (all threads: server, database, and this driver's clients) per route
     * @param clientCpuMsPerRoute of that, what the client threads themselves used (building, sending and
     *        parsing requests), so that the server's share is the difference
     */
    public record Figures(int clients, double rate, int requests, int errors, double seconds, double p50, double p95,
            double p99, double max, Map<String, Integer> statuses, double cpuMsPerRoute,
            double clientCpuMsPerRoute) {

        double throughput() {
            return requests / seconds;
        }

        @Override
        public String toString() {
            return String.format("%2d clients%s: %,6d requests in %5.1f s = %6.1f routes/s; latency p50 %6.1f ms, "
                    + "p95 %6.1f ms, p99 %6.1f ms, max %6.1f ms; CPU %.2f ms/route (client threads %.2f); "
                    + "%d errors; %s", clients, rate > 0 ? String.format(" at %.0f/s", rate) : " closed loop", requests, seconds, throughput(), p50, p95, p99, max, cpuMsPerRoute,
                    clientCpuMsPerRoute, errors, statuses);
        }
    }

    private static final String QUERY = "query Plan($input: PlanRouteInput!) { planRoute(input: $input) "
            + "{ status best { totalHours totalCostEur unitCount finish } } }";

    private final HttpClient http = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1)
            .connectTimeout(Duration.ofSeconds(5)).build();
    private final URI graphql;
    private final URI tokenUri;

    public LoadDriver(int port) {
        this.graphql = URI.create("http://127.0.0.1:" + port + "/graphql");
        this.tokenUri = URI.create("http://127.0.0.1:" + port + "/auth/token");
    }

    /** Signs in as the demo accounts do (README, "Security and privacy"). */
    public String token(String username, String password) throws Exception {
        HttpResponse<String> response = http.send(HttpRequest.newBuilder(tokenUri)
                .header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(JSON.writeValueAsString(Map.of("username", username,
                        "password", password)))).build(), HttpResponse.BodyHandlers.ofString());
        if (response.statusCode() != 200) {
            throw new IllegalStateException("sign-in failed: " + response.statusCode() + " " + response.body());
        }
        return (String) JSON.readValue(response.body(), Map.class).get("access_token");
    }

    public Figures run(List<Plan> plans, String token, int clients, int maxRequests, Duration maxTime)
            throws InterruptedException {
        return run(plans, token, clients, 0, maxRequests, maxTime);
    }

    public Figures run(List<Plan> plans, String token, int clients, double ratePerSecond, int maxRequests,
            Duration maxTime) throws InterruptedException {
        // each client's own period; clients are offset so that the total arrival rate is even
        long period = ratePerSecond > 0 ? (long) (clients * 1e9 / ratePerSecond) : 0;
        AtomicInteger issued = new AtomicInteger();
        AtomicInteger errors = new AtomicInteger();
        Map<String, Integer> statuses = new ConcurrentHashMap<>();
        long[][] latencies = new long[clients][];
        int[] counts = new int[clients];
        long deadline = System.nanoTime() + maxTime.toNanos();
        List<Thread> threads = new ArrayList<>();
        java.util.concurrent.atomic.AtomicLong clientCpu = new java.util.concurrent.atomic.AtomicLong();
        java.lang.management.ThreadMXBean threadBean = java.lang.management.ManagementFactory.getThreadMXBean();
        double cpuStarted = Machine.cpuSeconds();
        long started = System.nanoTime();
        for (int c = 0; c < clients; c++) {
            int client = c;
            latencies[c] = new long[maxRequests];
            Thread thread = new Thread(() -> {
                SplittableRandom random = new SplittableRandom(1000 + client);
                long due = started + period * client / Math.max(1, clients);
                while (System.nanoTime() < deadline && issued.incrementAndGet() <= maxRequests) {
                    Plan plan = plans.get(random.nextInt(plans.size()));
                    long sent;
                    if (period > 0) {
                        java.util.concurrent.locks.LockSupport.parkNanos(due - System.nanoTime());
                        sent = due;
                        due += period;
                    } else {
                        sent = System.nanoTime();
                    }
                    String status = send(plan, token);
                    latencies[client][counts[client]++] = System.nanoTime() - sent;
                    if (status == null) {
                        errors.incrementAndGet();
                    } else {
                        statuses.merge(status, 1, Integer::sum);
                    }
                }
                clientCpu.addAndGet(threadBean.getCurrentThreadCpuTime());
            }, "load-client-" + c);
            threads.add(thread);
            thread.start();
        }
        for (Thread thread : threads) {
            thread.join();
        }
        double seconds = (System.nanoTime() - started) / 1e9;
        double cpu = Machine.cpuSeconds() - cpuStarted;
        long[] all = new long[Arrays.stream(counts).sum()];
        int at = 0;
        for (int c = 0; c < clients; c++) {
            System.arraycopy(latencies[c], 0, all, at, counts[c]);
            at += counts[c];
        }
        Arrays.sort(all);
        return new Figures(clients, ratePerSecond, all.length, errors.get(), seconds, percentile(all, 50), percentile(all, 95),
                percentile(all, 99), all.length == 0 ? 0 : all[all.length - 1] / 1e6, new java.util.TreeMap<>(statuses),
                all.length == 0 ? 0 : cpu * 1000 / all.length, all.length == 0 ? 0 : clientCpu.get() / 1e6 / all.length);
    }

    private static double percentile(long[] sorted, double p) {
        if (sorted.length == 0) {
            return 0;
        }
        int index = (int) Math.ceil(p / 100 * sorted.length) - 1;
        return sorted[Math.max(0, Math.min(sorted.length - 1, index))] / 1e6;
    }

    private static volatile String lastError;

    public static String lastError() {
        return lastError;
    }

    /** @return the route's status, or null when the request failed */
    @SuppressWarnings("unchecked")
    private String send(Plan plan, String token) {
        try {
            Map<String, Object> input = Map.of("personId", plan.personId(), "startDate", "2027-01-04",
                    "target", Map.of(plan.targetField(), plan.targetId()));
            String body = JSON.writeValueAsString(Map.of("query", QUERY, "variables", Map.of("input", input)));
            HttpResponse<String> response = http.send(HttpRequest.newBuilder(graphql)
                    .header("Content-Type", "application/json").header("Authorization", "Bearer " + token)
                    .timeout(Duration.ofSeconds(60)).POST(HttpRequest.BodyPublishers.ofString(body)).build(),
                    HttpResponse.BodyHandlers.ofString());
            Map<String, Object> answer = JSON.readValue(response.body(), Map.class);
            if (response.statusCode() != 200 || answer.get("errors") != null) {
                lastError = response.statusCode() + " " + response.body();
                return null;
            }
            Map<String, Object> route = (Map<String, Object>) ((Map<String, Object>) answer.get("data"))
                    .get("planRoute");
            return (String) route.get("status");
        } catch (Exception e) {
            lastError = e.toString();
            return null;
        }
    }
}
