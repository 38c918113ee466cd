/**
 * The institution side of the API: where the catalogue has gaps and overlaps
 * ({@link nl.leerroute.institution.CatalogueInsights}) and changes to learning units and outcomes
 * ({@link nl.leerroute.institution.CatalogueEditor}); {@code graphql} is the adapter.
 */
package nl.leerroute.institution;
