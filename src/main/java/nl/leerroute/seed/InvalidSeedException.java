package nl.leerroute.seed;

import java.util.List;
import java.util.stream.Collectors;

/** The seed was refused before anything was written; every problem found is listed. */
public class InvalidSeedException extends RuntimeException {

    private final List<SeedProblem> problems;

    public InvalidSeedException(List<SeedProblem> problems) {
        super(describe(problems));
        this.problems = List.copyOf(problems);
    }

    public List<SeedProblem> problems() {
        return problems;
    }

    private static String describe(List<SeedProblem> problems) {
        return "The seed has " + problems.size() + " problem(s); nothing was written:\n"
                + problems.stream().map(p -> "  " + p).collect(Collectors.joining("\n"));
    }
}
