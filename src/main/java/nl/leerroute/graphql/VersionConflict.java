package nl.leerroute.graphql;

/**
 * The record changed since the client read it (optimistic locking): nothing was written; read
 * {@code currentVersion} again, merge, and retry. GraphQL type VersionConflict, one kind of InputError.
 */
public record VersionConflict(String field, String message, int currentVersion) implements FieldError {
}
