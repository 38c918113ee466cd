package nl.leerroute.catalogue;

/** What requires outcomes at levels: a target role, a certificate, or a programme's final qualifications. */
public sealed interface Requirer permits Role, Certificate, Programme {

    String id();
}
