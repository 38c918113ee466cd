/**
 * Identity and authorisation: who the caller is (a JWT bearer token, from a real identity provider
 * or from the local demo token endpoint), what each role may do ({@link nl.leerroute.access.Access},
 * {@link nl.leerroute.access.OperationRules}), consent of workers to advisors and the access log.
 */
package nl.leerroute.access;
