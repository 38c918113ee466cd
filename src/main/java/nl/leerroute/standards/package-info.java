/**
 * Connecting to the standards of the field instead of reinventing them: catalogues come in as Open
 * Education API (OOAPI) v6 documents ({@link nl.leerroute.standards.OoapiImporter}), completed
 * certificates go out as Open Badges 3.0 credentials ({@link nl.leerroute.standards.OpenBadges}), and
 * skills and levels are named by ESCO and EQF URIs ({@link nl.leerroute.standards.Eqf},
 * {@link nl.leerroute.standards.EscoConcepts}).
 */
package nl.leerroute.standards;
