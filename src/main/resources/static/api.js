// The GraphQL operations the page uses (as published in frontend-schema/operations) and the HTTP calls.
const ROUTE_PARTS = `fragment RouteParts on Route {
  totalHours totalCostEur totalNetCostEur totalToPersonEur unitCount finish optimal
  steps {
    start finish hours costEur netCostEur toPersonEur funding { nameNl nameEn kind amountEur }
    learningUnit { id kind titleNl titleEn mode language place { name } provider { id name } }
    newlyCovers { level outcome { id titleNl titleEn competency { id nameNl nameEn } } }
    pulledInBy { kind description target outcome { id titleNl } forUnit { id titleNl } }
  }
}`;

export const Q = {
  me: `query Me { me { accountId name roles person { id name } institution { id name } } }`,
  myClients: `query MyClients { myClients { id purpose until person { id name place { name } currentRole } } }`,
  profile: `query ClientProfile($personId: ID!) {
  person(id: $personId) {
    id name birthYear education yearsOfWork currentRole place { name province }
    goals { __typename ... on Role { id } ... on Certificate { id } ... on Programme { id } }
    evidence { id kind title status validatedBy validationMethod validatedOn from to description
      asserts { level outcome { id titleNl titleEn shelfLifeYears } } }
  }
}`,
  tShape: `query MyTShape($personId: ID!) {
  tShapeProfile(personId: $personId) {
    breadthScore
    breadth { creditedOutcomes totalOutcomes highestLevel competency { id nameNl nameEn } }
    depth { highestLevel domain { id nameNl nameEn } competencies { creditedOutcomes highestLevel competency { id nameNl } } }
  }
}`,
  claims: `query ClaimsToReview($personId: ID, $first: Int, $after: String) {
  evidenceToReview(personId: $personId, first: $first, after: $after) {
    edges { cursor node { id kind title description from to claimedOn source explanationNl
      person { id name } asserts { level outcome { id titleNl titleEn eqfLevel } } } }
    pageInfo { hasNextPage endCursor }
  }
}`,
  validate: `mutation ValidateClaim($input: ValidateEvidenceInput!) {
  validateEvidence(input: $input) { evidence { id status } errors { field message } }
}`,
  reject: `mutation RejectClaim($input: RejectEvidenceInput!) {
  rejectEvidence(input: $input) { evidence { id status } errors { field message } }
}`,
  targets: `query Targets { roles { id nameNl nameEn } certificates { id nameNl nameEn } }`,
  programmes: `query Programmes { programmes { id nameNl nameEn institution { name } } }`,
  plan: `query PlanMyRoute($personId: ID!, $target: TargetInput!, $constraints: ConstraintsInput,
    $budgetApplies: CostBasis = GROSS) {
  planRoute(input: {personId: $personId, target: $target, constraints: $constraints, alternatives: 2,
      budgetApplies: $budgetApplies}) {
    status lowerBoundHours gap explanationNl explanationEn budgetApplies
    best { ...RouteParts }
    alternatives { ...RouteParts }
    credits { level neededLevel evidenceTitles usedFor explanationNl explanationEn
      outcome { id titleNl titleEn competency { id nameNl nameEn } } }
    infeasibility { code textNl textEn shortByEur lateByDays outcome { id titleNl } units { id titleNl } }
  }
}
${ROUTE_PARTS}`,
  savePlan: `mutation SaveClientPlan($input: SavePlanInput!) {
  savePlan(input: $input) {
    savedPlan { id name savedAt status totalHours totalCostEur finish learningUnits { id titleNl } }
    errors { field message }
  }
}`,
  savedPlans: `query ClientPlans($personId: ID!) {
  savedPlans(personId: $personId) { id version name savedAt status totalHours totalCostEur finish requestJson learningUnits { id titleNl titleEn } }
}`,
  updatePlan: `mutation RenameClientPlan($input: UpdatePlanInput!) {
  updatePlan(input: $input) {
    savedPlan { id version name status totalHours totalCostEur finish learningUnits { id titleNl } }
    errors { __typename field message ... on VersionConflict { currentVersion } }
  }
}`,
  compare: `query CompareWhatIf($inputs: [PlanRouteInput!]!) {
  compareRoutes(inputs: $inputs) {
    label status explanationNl explanationEn
    best { totalHours totalCostEur totalToPersonEur unitCount finish }
    infeasibility { code textNl textEn shortByEur lateByDays }
  }
}`,
  outcomes: `query OutcomePage($after: String) {
  learningOutcomes(first: 100, after: $after) {
    edges { node { id titleNl titleEn eqfLevel competency { id nameNl nameEn } } }
    pageInfo { hasNextPage endCursor }
  }
}`,
  places: `query Places { places { name province } }`,
  myConsents: `query MyConsents {
  myConsents { id purpose grantedOn until withdrawnOn status advisor { id name } }
}`,
  grantConsent: `mutation GrantConsent($input: GrantConsentInput!) {
  grantConsent(input: $input) { consent { id purpose until status advisor { id name } } errors { __typename field message } }
}`,
  withdrawConsent: `mutation WithdrawConsent($input: WithdrawConsentInput!) {
  withdrawConsent(input: $input) { consent { id status withdrawnOn } errors { __typename field message } }
}`,
  suggest: `query SuggestOutcomes($text: String!, $language: Language) {
  suggestOutcomes(text: $text, language: $language, first: 8) {
    outcome { id titleNl titleEn eqfLevel competency { id nameNl nameEn } }
    score matchedWords explanation(language: $language)
  }
}`,
  accept: `mutation AcceptSuggestions($input: AcceptSuggestionsInput!) {
  acceptSuggestions(input: $input) {
    evidence { id status title asserts { level outcome { id titleNl } } }
    errors { __typename field message }
  }
}`,
  nextSteps: `query WhatNext($personId: ID!) {
  nextSteps(personId: $personId, first: 3) {
    goal { __typename ... on Role { id nameNl nameEn } ... on Certificate { id nameNl nameEn } ... on Programme { id nameNl } }
    status explanationNl explanationEn
    steps { start finish hours learningUnit { id titleNl titleEn provider { name } } }
  }
}`,
  covering: `query ModulesCoveringOutcome($outcomeId: ID!, $minLevel: Int, $after: String) {
  modulesCoveringOutcome(outcomeId: $outcomeId, minLevel: $minLevel, first: 50, after: $after) {
    edges { node { level learningUnit { id titleNl titleEn hours costEur mode language startMoments place { name } provider { id name } } } }
    pageInfo { hasNextPage endCursor }
  }
}`,
  uncovered: `query UncoveredOutcomes($after: String) {
  uncoveredOutcomes(first: 50, after: $after) {
    edges { node { outcome { id titleNl titleEn } requiredLevel highestTaughtLevel
      requiredBy { level requirer { __typename ... on Role { id nameNl nameEn } ... on Certificate { id nameNl nameEn } ... on Programme { id nameNl } } } } }
    pageInfo { hasNextPage endCursor }
  }
}`,
};

const TOKEN_KEY = 'leerroute.token';

export const session = {
  get token() { return sessionStorage.getItem(TOKEN_KEY); },
  set token(value) { if (value) sessionStorage.setItem(TOKEN_KEY, value); else sessionStorage.removeItem(TOKEN_KEY); },
};

/** An error to show in words; `expired` when the token is no longer accepted. */
export class ApiError extends Error {
  constructor(message, expired = false) { super(message); this.expired = expired; }
}

export async function signIn(username, password) {
  const response = await fetch('/auth/token', {
    method: 'POST', headers: { 'Content-Type': 'application/json' }, body: JSON.stringify({ username, password }),
  });
  if (!response.ok) return null;
  const body = await response.json();
  session.token = body.access_token;
  return body.access_token;
}

export async function gql(query, variables = {}) {
  const headers = { 'Content-Type': 'application/json' };
  if (session.token) headers.Authorization = 'Bearer ' + session.token;
  let response;
  try {
    response = await fetch('/graphql', { method: 'POST', headers, body: JSON.stringify({ query, variables }) });
  } catch (e) {
    throw new ApiError('network');
  }
  if (response.status === 401) throw new ApiError('expired', true);
  let body;
  try { body = await response.json(); } catch (e) { throw new ApiError('HTTP ' + response.status); }
  if (body.errors && body.errors.length) throw new ApiError(body.errors.map(e => e.message).join('; '));
  return body.data;
}
