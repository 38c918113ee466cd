package nl.leerroute.seed;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;

/** Copies of the shipped seed that tests can break in one place. */
public final class SeedFixtures {

    public static final Path SHIPPED = Path.of("graph-seed");

    private SeedFixtures() {
    }

    public static Path copyOfShippedSeed(Path target) {
        return copyOf(SHIPPED, target);
    }

    public static Path copyOf(Path seed, Path target) {
        try (Stream<Path> files = Files.list(seed)) {
            Files.createDirectories(target);
            for (Path file : files.toList()) {
                Files.copy(file, target.resolve(file.getFileName()));
            }
            return target;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    public static List<String> lines(Path directory, String file) {
        try {
            return Files.readAllLines(directory.resolve(file), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    public static void write(Path directory, String file, List<String> lines) {
        try {
            Files.write(directory.resolve(file), lines, StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Replaces the value of {@code column} on the given 1-based line of a CSV file (simple rows only). */
    public static void replaceCell(Path directory, String file, int line, String column, String value) {
        List<String> lines = new java.util.ArrayList<>(lines(directory, file));
        List<String> header = List.of(lines.get(0).split(",", -1));
        int index = header.indexOf(column);
        List<String> cells = new java.util.ArrayList<>(parseSimple(lines.get(line - 1)));
        cells.set(index, value.contains(",") ? '"' + value + '"' : value);
        lines.set(line - 1, String.join(",", cells));
        write(directory, file, lines);
    }

    /** Splits a CSV line keeping quoted cells intact (quotes kept). */
    static List<String> parseSimple(String line) {
        List<String> cells = new java.util.ArrayList<>();
        StringBuilder cell = new StringBuilder();
        boolean quoted = false;
        for (char c : line.toCharArray()) {
            if (c == '"') {
                quoted = !quoted;
            }
            if (c == ',' && !quoted) {
                cells.add(cell.toString());
                cell.setLength(0);
            } else {
                cell.append(c);
            }
        }
        cells.add(cell.toString());
        return cells;
    }

    /** The first 1-based line of {@code file} whose text contains {@code fragment}. */
    public static int lineContaining(Path directory, String file, String fragment) {
        List<String> lines = lines(directory, file);
        for (int i = 1; i < lines.size(); i++) {
            if (lines.get(i).contains(fragment)) {
                return i + 1;
            }
        }
        throw new IllegalArgumentException(fragment + " not in " + file);
    }
}
