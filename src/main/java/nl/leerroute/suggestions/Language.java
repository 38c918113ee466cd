package nl.leerroute.suggestions;

/** The language of a text and of the explanations given for it: GraphQL enum Language. */
public enum Language { NL, EN }
