package nl.leerroute.access;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;

import graphql.GraphQLContext;
import graphql.execution.ExecutionStepInfo;
import graphql.schema.DataFetchingEnvironment;

/**
 * One field being fetched, as the access rules see it: the caller, the top-level operation it
 * belongs to, its arguments, and per-request memory of decisions so that a person's data read
 * through many fields costs one decision and one access-log entry per operation.
 */
final class Request {

    private static final String DECISIONS = "leerroute.access.decisions";

    final Caller caller;
    final String operation;
    final Access access;
    private final DataFetchingEnvironment environment;

    Request(DataFetchingEnvironment environment, Access access) {
        this.environment = environment;
        this.access = access;
        this.caller = callerOf(environment.getGraphQlContext());
        this.operation = rootField(environment.getExecutionStepInfo());
    }

    static Caller callerOf(GraphQLContext context) {
        Caller caller = context.get(Caller.CONTEXT_KEY);
        return caller == null ? Caller.ANONYMOUS : caller;
    }

    private static String rootField(ExecutionStepInfo step) {
        ExecutionStepInfo current = step;
        while (current.getParent() != null && current.getParent().getParent() != null) {
            current = current.getParent();
        }
        return current.getFieldDefinition() == null ? step.getPath().toString()
                : current.getFieldDefinition().getName();
    }

    Map<String, Object> arguments() {
        return environment.getArguments();
    }

    /** An argument by path, e.g. {@code input.plan.personId}; null when absent. */
    Object argument(String path) {
        Object value = environment.getArguments();
        for (String part : path.split("\\.")) {
            if (!(value instanceof Map<?, ?> map)) {
                return null;
            }
            value = map.get(part);
        }
        return value;
    }

    String string(String path) {
        Object value = argument(path);
        return value == null ? null : String.valueOf(value);
    }

    /** Every value of an argument or input field with this name, at any depth. */
    List<String> all(String name) {
        List<String> found = new ArrayList<>();
        collect(environment.getArguments(), name, found);
        return found;
    }

    private static void collect(Object value, String name, List<String> found) {
        if (value instanceof Map<?, ?> map) {
            map.forEach((key, child) -> {
                if (name.equals(key) && child != null) {
                    found.add(String.valueOf(child));
                } else {
                    collect(child, name, found);
                }
            });
        } else if (value instanceof List<?> list) {
            list.forEach(child -> collect(child, name, found));
        }
    }

    /** {@link Access#requireRead}, decided once per person and operation in this request. */
    void read(String personId) {
        decide("READ:" + operation + ":" + personId, () -> access.requireRead(caller, personId, operation));
    }

    void write(String personId) {
        decide("CHANGE:" + operation + ":" + personId, () -> access.requireWrite(caller, personId, operation));
    }

    private void decide(String key, Runnable decision) {
        Map<String, Optional<AccessRefusedException>> decisions = environment.getGraphQlContext()
                .computeIfAbsent(DECISIONS, k -> new ConcurrentHashMap<>());
        Optional<AccessRefusedException> refusal = decisions.computeIfAbsent(key, k -> {
            try {
                decision.run();
                return Optional.empty();
            } catch (AccessRefusedException e) {
                return Optional.of(e);
            }
        });
        if (refusal.isPresent()) {
            throw refusal.get();
        }
    }
}
