package nl.leerroute.access;

/**
 * A request the caller may not make. {@code unauthenticated}: there is no caller (no token), so
 * signing in may help; otherwise the caller is known and not allowed. Messages name what was
 * refused, never whose data it is.
 */
public class AccessRefusedException extends RuntimeException {

    private final boolean unauthenticated;

    AccessRefusedException(boolean unauthenticated, String message) {
        super(message);
        this.unauthenticated = unauthenticated;
    }

    static AccessRefusedException signInRequired(String operation) {
        return new AccessRefusedException(true, operation + " needs sign-in");
    }

    static AccessRefusedException forbidden(String message) {
        return new AccessRefusedException(false, message);
    }

    public boolean unauthenticated() {
        return unauthenticated;
    }
}
