package nl.leerroute.graphql;

/** An input field that was wrong, and why: GraphQL type InvalidValue, one kind of InputError. */
public record InvalidValue(String field, String message) implements FieldError {
}
