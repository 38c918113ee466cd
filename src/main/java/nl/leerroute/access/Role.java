package nl.leerroute.access;

/** What an account may do; see the README's security matrix. */
public enum Role {
    /** Reads and changes their own data only (the person named by the token's person claim). */
    WORKER,
    /** Reads and changes the data of people who gave them an active consent. */
    ADVISOR,
    /** Changes the units and outcomes of their own institution (named by the institution claim). */
    INSTITUTION_EDITOR,
    /**
     * Acts for one firm (named by the institution claim, an institution of kind COMPANY): sees its own
     * teams and, per employee, only what that employee currently consents to share with the firm.
     */
    EMPLOYER,
    /** Everything. */
    ADMIN
}
