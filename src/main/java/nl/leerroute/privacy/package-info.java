/**
 * Privacy rights of a worker: take all their data with them ({@link nl.leerroute.privacy.PersonalData#export})
 * and have it erased ({@link nl.leerroute.privacy.PersonalData#erase}).
 */
package nl.leerroute.privacy;
