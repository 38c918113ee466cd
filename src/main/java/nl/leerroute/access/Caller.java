package nl.leerroute.access;

import java.util.Set;

/**
 * Who sends the request: an account (the token's subject) with its roles, the person it is (workers)
 * and the institution it edits for (institution editors) or the firm it acts for (employers).
 * {@link #ANONYMOUS} without a token.
 */
public record Caller(String accountId, String name, Set<Role> roles, String personId, String institutionId) {

    /** Key of the caller in the GraphQL context. */
    public static final String CONTEXT_KEY = "leerroute.caller";

    public static final Caller ANONYMOUS = new Caller(null, "anonymous", Set.of(), null, null);

    public Caller {
        roles = Set.copyOf(roles);
    }

    public boolean anonymous() {
        return accountId == null;
    }

    public boolean has(Role role) {
        return roles.contains(role);
    }

    /** Whether the caller is this person (a worker acting on their own data). */
    public boolean is(String person) {
        return personId != null && personId.equals(person);
    }

    /** The role recorded in the access log: the most powerful one the caller has. */
    public String mainRole() {
        for (Role role : new Role[] {Role.ADMIN, Role.ADVISOR, Role.INSTITUTION_EDITOR, Role.EMPLOYER,
                Role.WORKER}) {
            if (roles.contains(role)) {
                return role.name();
            }
        }
        return "NONE";
    }
}
