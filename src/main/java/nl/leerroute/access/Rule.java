package nl.leerroute.access;

/** Who may run one GraphQL operation (a field of Query or Mutation); see {@link OperationRules}. */
@FunctionalInterface
interface Rule {

    /** Throws {@link AccessRefusedException} when the caller may not run the operation with these arguments. */
    void check(Request request);

    /** Runs after the operation succeeded, with its result (e.g. to record a consent for what was created). */
    default void after(Request request, Object result) {
    }
}
