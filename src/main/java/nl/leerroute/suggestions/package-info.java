/**
 * Suggestions from free text: which learning outcomes a worker's own description of their work may
 * show. {@link nl.leerroute.suggestions.TextAnalysis} normalises Dutch and English text (diacritics,
 * hyphens, plural and verb forms, compounds), {@link nl.leerroute.suggestions.SuggestionRanker} ranks
 * candidates in plain Java, {@link nl.leerroute.suggestions.OutcomeSuggestions} reads the synonym list,
 * the outcomes and the full-text index from Neo4j and turns accepted suggestions into a claim;
 * {@code graphql} is the adapter.
 */
package nl.leerroute.suggestions;
