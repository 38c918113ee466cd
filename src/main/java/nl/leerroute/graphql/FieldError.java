package nl.leerroute.graphql;

/**
 * An expected failure of a mutation that names the input field concerned: GraphQL interface
 * InputError. The record's simple name is the GraphQL type.
 */
public interface FieldError {

    String field();

    String message();
}
