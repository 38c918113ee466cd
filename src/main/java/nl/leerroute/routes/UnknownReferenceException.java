package nl.leerroute.routes;

/** A request named something the graph does not hold. */
public class UnknownReferenceException extends IllegalArgumentException {

    public UnknownReferenceException(String kind, String id) {
        super("There is no " + kind + " with id '" + id + "'");
    }

    public UnknownReferenceException(String message) {
        super(message);
    }
}
