package nl.leerroute.graphql;

/** An input field that was wrong, and why: the typed, expected failure of a mutation. */
public record InputError(String field, String message) {
}
