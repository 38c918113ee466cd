package nl.leerroute.institution;

import java.util.List;

/**
 * An expected failure of a catalogue change, naming the input field it concerns (a path such as
 * {@code yields[1].level}). The record's name is the GraphQL type.
 */
public sealed interface InputError
        permits InputError.InvalidValue, InputError.UnknownReference, InputError.DuplicateId, InputError.StillInUse {

    String field();

    String message();

    /** A value is missing, out of range or inconsistent with another field. */
    record InvalidValue(String field, String message) implements InputError {
    }

    /** A referenced record does not exist. */
    record UnknownReference(String field, String message, String id) implements InputError {
    }

    /** The id is taken. */
    record DuplicateId(String field, String message, String id) implements InputError {
    }

    /** The record is still used by others, listed. */
    record StillInUse(String field, String message, List<Usage> usedBy) implements InputError {
    }

    /** One use of an outcome or unit by another record. */
    record Usage(String kind, String id, String name, String relationship, Integer level) {
    }
}
