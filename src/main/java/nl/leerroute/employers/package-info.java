/**
 * Employers: a firm's teams, the competency gap of a team for Smart Industry transformations at a
 * maturity level, and the training plan that closes it. An employer sees only its own teams and, per
 * employee, only what that employee currently consents to share with the firm.
 */
package nl.leerroute.employers;
