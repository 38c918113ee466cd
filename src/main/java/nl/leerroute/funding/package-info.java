/**
 * Funding schemes (STAP-budget, levenlanglerenkrediet, scholingsbudget WW, NL Leert Door, SLIM, O&amp;O funds,
 * private development budgets): who is eligible, which units qualify, how much they pay and whether they
 * combine ({@link nl.leerroute.funding.FundingRules}, plain Java), read from the graph and handed to the
 * route planner as what each scheme pays per unit ({@link nl.leerroute.funding.FundingCatalogue}).
 */
package nl.leerroute.funding;
