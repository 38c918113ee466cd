package nl.leerroute.scale;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

import nl.leerroute.seed.ImportBenchmark;

/**
 * Time from {@code java -jar target/leerroute.jar} to {@code /actuator/health/readiness} answering
 * UP, with the shipped seed: a first start on an empty data directory (schema created, seed
 * imported) and restarts on the kept data (seed unchanged, so not imported again). Needs the jar
 * ({@code mvn -B -DskipTests package}); not part of {@code mvn verify}; run (README, "Scale and speed"):
 * <pre>
 * mvn -q -B test-compile exec:java -Dexec.mainClass=nl.leerroute.scale.StartupBenchmark -Dexec.classpathScope=test \
 *     -Dexec.args="3"
 * </pre>
 * The argument is the number of (first start, restart) pairs. {@code -Dbench.jar=...} starts another jar
 * (e.g. the extracted one for class data sharing), {@code -Dbench.jvm="..."} adds JVM options.
 */
public final class StartupBenchmark {

    private StartupBenchmark() {
    }

    public static void main(String[] args) throws Exception {
        int rounds = args.length > 0 ? Integer.parseInt(args[0]) : 1;
        Path jar = Path.of(System.getProperty("bench.jar", "target/leerroute.jar"));
        if (!Files.isRegularFile(jar)) {
            throw new IllegalStateException(jar + " is missing: run mvn -B -DskipTests package first");
        }
        System.out.println("Start-up benchmark: " + Machine.describe());
        Path data = Path.of("target/scale/startup-db");
        for (int round = 1; round <= rounds; round++) {
            ImportBenchmark.delete(data);
            start(jar, data, "first start (empty data directory)");
            start(jar, data, "restart (data kept, seed unchanged)");
        }
        ImportBenchmark.delete(data);
    }

    private static void start(Path jar, Path data, String what) throws Exception {
        int port = 18000 + new java.util.Random().nextInt(2000);
        List<String> command = new ArrayList<>(List.of(Path.of(System.getProperty("java.home"), "bin", "java")
                .toString()));
        String options = System.getProperty("bench.jvm", "");
        if (!options.isBlank()) {
            command.addAll(List.of(options.trim().split("\\s+")));
        }
        command.addAll(List.of("-jar", jar.toString(), "--server.port=" + port,
                "--leerroute.neo4j.embedded.data-directory=" + data.toAbsolutePath()));
        Path log = Path.of("target/scale/startup-" + port + ".log");
        long started = System.nanoTime();
        Process process = new ProcessBuilder(command).redirectErrorStream(true).redirectOutput(log.toFile()).start();
        try {
            HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(1)).build();
            HttpRequest ready = HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port
                    + "/actuator/health/readiness")).timeout(Duration.ofSeconds(2)).build();
            long deadline = started + Duration.ofMinutes(3).toNanos();
            while (System.nanoTime() < deadline && process.isAlive()) {
                try {
                    HttpResponse<String> response = http.send(ready, HttpResponse.BodyHandlers.ofString());
                    if (response.statusCode() == 200 && response.body().contains("\"UP\"")) {
                        double seconds = (System.nanoTime() - started) / 1e9;
                        System.out.printf("STARTUP %s: ready in %.1f s, resident memory %d MB (%s; log %s)%n", what,
                                seconds, residentMb(process.pid()), Machine.load(), log);
                        return;
                    }
                } catch (java.io.IOException e) {
                    // not listening yet
                }
                Thread.sleep(100);
            }
            System.out.printf("STARTUP %s: not ready within 3 minutes (alive %s); see %s%n", what, process.isAlive(),
                    log);
        } finally {
            process.destroy();
            process.waitFor();
        }
    }

    private static long residentMb(long pid) {
        try {
            for (String line : Files.readAllLines(Path.of("/proc/" + pid + "/status"))) {
                if (line.startsWith("VmRSS:")) {
                    return Long.parseLong(line.replaceAll("[^0-9]", "")) / 1024;
                }
            }
        } catch (java.io.IOException e) {
            // gone
        }
        return -1;
    }
}
