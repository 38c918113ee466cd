/**
 * Skillslabs at the fieldlabs, profiled on the six dimensions of the Learning Factory descriptive model
 * (masterplan, chapter 4), with the fieldlab that hosts them, their assignments (learning units), the outcomes
 * those yield and the work forms they use; filterable ({@link nl.leerroute.skillslabs.Skillslabs}).
 */
package nl.leerroute.skillslabs;
