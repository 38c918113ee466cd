// Leerroute web page: sign-in, advisor, worker and institution views. Plain DOM, no libraries.
import { TEXTS } from './i18n.js';
import { Q, gql, signIn, session, ApiError } from './api.js';
import { metroMap, timeline } from './metro.js';

let lang = sessionStorage.getItem('leerroute.lang') || 'nl';
let current = null; // the function that draws the current view again (after a language switch)
const main = document.getElementById('main');
const MODES = ['FULL_TIME', 'PART_TIME', 'DUAL', 'ONLINE', 'ON_SITE'];
const LANGUAGES = ['nl', 'en'];
const METHODS = ['ASSESSMENT', 'PORTFOLIO', 'EMPLOYER_STATEMENT', 'DIPLOMA', 'CERTIFICATE'];

export const t = key => TEXTS[lang][key] ?? key;
const nl = () => lang === 'nl';
const pick = (obj, base) => (nl() ? obj[base + 'Nl'] : obj[base + 'En'] || obj[base + 'Nl']) ?? '';

/** Creates an element: h('button', {type: 'button', onclick}, 'text', child...). Text is never parsed as HTML. */
export function h(tag, attrs = {}, ...children) {
  const el = document.createElement(tag);
  for (const [k, v] of Object.entries(attrs || {})) {
    if (v === null || v === undefined || v === false) continue;
    if (k.startsWith('on')) el.addEventListener(k.slice(2), v);
    else if (k === 'text') el.textContent = v;
    else el.setAttribute(k, v === true ? '' : v);
  }
  for (const c of children.flat()) if (c !== null && c !== undefined && c !== false) el.append(c instanceof Node ? c : String(c));
  return el;
}

let uid = 0;
const field = (label, input) => { input.id = input.id || 'f' + (++uid); return h('div', {}, h('label', { for: input.id }, label), input); };
const euro = v => v == null ? '–' : '€ ' + Number(v).toLocaleString(nl() ? 'nl-NL' : 'en-GB', { maximumFractionDigits: 0 });
/** A short visible label whose full text (naming what it is for) is read out by screen readers. */
const hiddenTail = (forId, visible, tail) => h('label', { for: forId, class: 'inline' }, visible, h('span', { class: 'sr-only' }, ': ' + tail));
const errorsText = errors => errors.map(e => (e.field ? e.field + ': ' : '') + e.message).join('; ');

/** A group of checkboxes with a legend; `values()` are the ticked values (none ticked: no limit). */
function checkboxes(legend, id, options) {
  const boxes = options.map(o => h('input', { type: 'checkbox', value: o.value, id: `${id}-${o.value}`.replace(/\s+/g, '-') }));
  const set = h('fieldset', { id, class: 'checks' }, h('legend', {}, legend),
    boxes.map((b, i) => h('label', { class: 'check', for: b.id }, b, ' ', options[i].label)));
  set.values = () => boxes.filter(b => b.checked).map(b => b.value);
  return set;
}

function say(message) { document.getElementById('status').textContent = message; document.getElementById('error').textContent = ''; }
function fail(error) {
  let message = error instanceof ApiError && error.message === 'network' ? t('networkError') : error.message || String(error);
  if (error instanceof ApiError && error.expired) { session.token = null; message = t('expired'); }
  document.getElementById('status').textContent = '';
  document.getElementById('error').textContent = message;
  if (error instanceof ApiError && error.expired) showSignIn();
}
async function run(action) { try { return await action(); } catch (e) { fail(e); return undefined; } }

function applyLanguage() {
  document.documentElement.lang = lang;
  const sw = document.getElementById('lang-switch');
  sw.textContent = t('langSwitch');
  sw.setAttribute('lang', nl() ? 'en' : 'nl');
  document.querySelectorAll('[data-t]').forEach(el => { el.textContent = t(el.dataset.t); });
}

function show(view) {
  current = view;
  main.replaceChildren();
  return view();
}

/** A "more" button under a capped list: loads the next page from `after` and appends it. */
function moreButton(id, pageInfo, loadPage) {
  if (!pageInfo.hasNextPage) return null;
  const button = h('button', { type: 'button', class: 'secondary', id, onclick: async () => {
    button.disabled = true;
    if (await loadPage(pageInfo.endCursor) === undefined) { button.disabled = false; return; }
    button.remove();
    document.getElementById(id)?.focus(); // keyboard users stay where the list goes on
  } }, t('more'));
  return button;
}

// ---- the outcome picker (targets of a plan, the editor's outcome) -----------------------------------
let outcomesLoaded = null;
/** Every learning outcome with its competency, read once a page of 100 at a time and then filtered here. */
function allOutcomes() {
  outcomesLoaded = outcomesLoaded || (async () => {
    const all = [];
    let after = null;
    do {
      const page = (await gql(Q.outcomes, { after })).learningOutcomes;
      all.push(...page.edges.map(e => e.node));
      after = page.pageInfo.hasNextPage ? page.pageInfo.endCursor : null;
    } while (after);
    return all;
  })().catch(e => { outcomesLoaded = null; throw e; });
  return outcomesLoaded;
}
const fold = text => text.normalize('NFD').replace(/[\u0300-\u036f]/g, '').toLowerCase();

/**
 * Search box and results; `multiple`: chosen outcomes are listed with a minimum level each
 * (`value()` gives [{outcomeId, level}]); otherwise the one chosen outcome is `value()[0]`.
 */
function outcomePicker(prefix, { multiple }) {
  const chosen = new Map(); // outcome id -> { outcome, level input }
  const search = h('input', { id: prefix + '-search', type: 'search', autocomplete: 'off' });
  const results = h('ul', { class: 'plain picker-results', id: prefix + '-results' });
  const chosenList = h('ul', { class: 'plain', id: prefix + '-chosen' });
  const count = h('p', { class: 'muted', 'aria-live': 'polite', id: prefix + '-count' });
  const label = o => `${pick(o, 'title')} (${pick(o.competency, 'name')}, ${t('level')} ${o.eqfLevel})`;
  const drawChosen = () => {
    chosenList.replaceChildren(...[...chosen.values()].map(({ outcome, level }) => h('li', { 'data-outcome-id': outcome.id },
      h('span', { class: 'grow' }, pick(outcome, 'title')),
      multiple ? [hiddenTail(level.id, t('minLevel'), pick(outcome, 'title')), level] : null,
      h('button', { type: 'button', class: 'secondary small', 'aria-label': `${t('remove')}: ${pick(outcome, 'title')}`,
        onclick: () => { chosen.delete(outcome.id); drawChosen(); } }, t('remove')))));
    if (!multiple && !chosen.size) chosenList.append(h('li', { class: 'muted' }, t('noneChosen')));
  };
  const choose = outcome => {
    if (!multiple) chosen.clear();
    if (!chosen.has(outcome.id)) {
      const level = h('input', { type: 'number', min: '1', max: '8', value: String(outcome.eqfLevel), class: 'level',
        id: `${prefix}-level-${outcome.id}` });
      chosen.set(outcome.id, { outcome, level });
    }
    drawChosen();
    search.focus();
  };
  const filter = async () => {
    const words = fold(search.value.trim()).split(/\s+/).filter(Boolean);
    if (!words.length) { results.replaceChildren(); count.textContent = ''; return; }
    const all = await run(allOutcomes);
    if (!all) return;
    const hits = all.filter(o => {
      const text = fold([o.id, o.titleNl, o.titleEn, o.competency.nameNl, o.competency.nameEn].join(' '));
      return words.every(w => text.includes(w));
    });
    count.textContent = `${hits.length} ${t('outcomesFound')}` + (hits.length > 8 ? ' ' + t('firstEight') : '');
    results.replaceChildren(...hits.slice(0, 8).map(o => h('li', {}, h('button', { type: 'button', class: 'link',
      'data-outcome-id': o.id, onclick: () => choose(o) }, label(o)))));
  };
  search.addEventListener('input', filter);
  drawChosen();
  const box = h('div', { class: 'picker', id: prefix },
    field(t('searchOutcome'), search), count, results,
    h('p', { class: 'chosen-h' }, h('strong', {}, multiple ? t('chosenOutcomes') : t('chosenOutcome'))), chosenList);
  box.value = () => [...chosen.values()].map(({ outcome, level }) => ({ outcomeId: outcome.id, level: Number(level.value) }));
  box.chosenNames = () => [...chosen.values()].map(({ outcome }) => pick(outcome, 'title'));
  return box;
}

// ---- sign-in -------------------------------------------------------------------------------
function showSignIn() {
  document.getElementById('sign-out').hidden = true;
  document.getElementById('who').textContent = '';
  return show(() => {
    const user = h('input', { name: 'username', autocomplete: 'username', required: true });
    const pass = h('input', { name: 'password', type: 'password', autocomplete: 'current-password', required: true });
    const form = h('form', { id: 'sign-in', class: 'panel narrow', onsubmit: async e => {
      e.preventDefault();
      const token = await run(() => signIn(user.value.trim(), pass.value));
      if (token) { say(''); await start(); } else if (token === null) fail(new Error(t('badLogin')));
    } }, h('h2', { text: t('signIn') }), field(t('username'), user), field(t('password'), pass),
      h('p', { class: 'muted', text: t('demoHint') }), h('button', { type: 'submit', id: 'sign-in-button' }, t('signIn')));
    main.append(form);
    user.focus();
  });
}

async function start() {
  const data = await run(() => gql(Q.me));
  if (!data || !data.me) { session.token = null; return showSignIn(); }
  const me = data.me;
  document.getElementById('sign-out').hidden = false;
  document.getElementById('who').textContent = t('signedInAs') + ' ' + me.name;
  if (me.roles.includes('ADVISOR')) return show(() => advisorHome(me));
  if (me.roles.includes('WORKER') && me.person) return show(() => personView(me.person.id, { worker: true }));
  if (me.roles.includes('INSTITUTION_EDITOR') || me.roles.includes('ADMIN')) return show(() => institutionView(me));
  return show(() => main.append(h('p', { text: t('noView') })));
}

// ---- advisor -------------------------------------------------------------------------------
async function advisorHome() {
  say(t('loading'));
  const data = await run(() => gql(Q.myClients));
  if (!data) return;
  const list = h('ul', { class: 'plain', id: 'clients' });
  for (const c of data.myClients) {
    list.append(h('li', {}, h('button', { type: 'button', class: 'secondary', 'data-person-id': c.person.id,
      onclick: () => show(() => personView(c.person.id, { advisor: true })) }, c.person.name),
      ' ', h('span', { class: 'muted' }, [c.person.currentRole, c.person.place?.name, c.purpose].filter(Boolean).join(' · '))));
  }
  main.append(h('section', { class: 'panel narrow', 'aria-labelledby': 'clients-h' }, h('h2', { id: 'clients-h', text: t('clients') }),
    data.myClients.length ? list : h('p', { id: 'no-clients', text: t('noClients') })));
  say('');
}

// ---- a person: profile, T-shape, claims, plan, saved plans, next steps, consents, suggestions -----
async function personView(personId, role) {
  say(t('loading'));
  const [profile, shape] = await Promise.all([run(() => gql(Q.profile, { personId })), run(() => gql(Q.tShape, { personId }))]);
  if (!profile) return;
  const person = profile.person;
  if (role.advisor) main.append(h('button', { type: 'button', class: 'secondary', onclick: () => show(advisorHome) }, t('back')));
  main.append(h('h2', { id: 'person-name', text: person.name }));
  const left = h('div', {}), right = h('div', {});
  main.append(h('div', { class: 'grid' }, left, right));
  let profileBox = profilePanel(person);
  left.append(profileBox);
  if (shape) left.append(tShapePanel(shape.tShapeProfile));
  const plansBox = h('section', { class: 'panel', 'aria-labelledby': 'plans-h', id: 'saved-plans' });
  left.append(plansBox);
  const refreshPlans = () => loadSavedPlans(personId, plansBox);
  let claimsBox = null;
  if (role.advisor) { claimsBox = h('section', { class: 'panel', 'aria-labelledby': 'claims-h', id: 'claims' }); left.append(claimsBox); loadClaims(personId, claimsBox); }
  if (role.worker) {
    const consentBox = h('section', { class: 'panel', 'aria-labelledby': 'consents-h', id: 'consents' });
    left.append(consentBox);
    loadConsents(consentBox);
  }
  if (role.worker) { const nextBox = h('section', { class: 'panel', 'aria-labelledby': 'next-h', id: 'next-steps' }); right.append(nextBox); loadNext(personId, nextBox); }
  const plan = await planPanel(personId, refreshPlans, person.goals[0]);
  const afterClaim = async () => {
    const again = await run(() => gql(Q.profile, { personId }));
    if (again) { const fresh = profilePanel(again.person); profileBox.replaceWith(fresh); profileBox = fresh; }
    if (claimsBox) loadClaims(personId, claimsBox);
    await plan.replanIfShown();
  };
  profileBox.after(suggestionPanel(personId, afterClaim));
  right.append(plan);
  await refreshPlans();
  say('');
}

function profilePanel(person) {
  const items = person.evidence.map(e => h('li', { 'data-evidence-id': e.id },
    h('strong', {}, e.title), ' ', h('span', { class: 'status-' + e.status }, '(' + t('st' + e.status) + ')'),
    h('ul', {}, e.asserts.map(a => h('li', { 'data-outcome-id': a.outcome.id }, `${pick(a.outcome, 'title')} — ${t('level')} ${a.level}`)))));
  return h('section', { class: 'panel', 'aria-labelledby': 'profile-h', id: 'profile' }, h('h3', { id: 'profile-h', text: t('evidence') }),
    h('p', { class: 'muted' }, [person.currentRole, person.place?.name].filter(Boolean).join(' · ')),
    h('ul', { class: 'plain', id: 'evidence' }, items));
}

function tShapePanel(shape) {
  const max = Math.max(1, ...shape.breadth.map(b => b.totalOutcomes));
  const rows = shape.breadth.filter(b => b.totalOutcomes > 0).map(b => h('tr', {},
    h('th', { scope: 'row' }, pick(b.competency, 'name')),
    h('td', { class: 'bar' }, h('span', { class: 'bar-fill', style: `width:${Math.round(100 * b.creditedOutcomes / max)}%`, 'aria-hidden': 'true' })),
    h('td', {}, `${b.creditedOutcomes}/${b.totalOutcomes}`)));
  const depth = shape.depth.map(d => h('tr', {},
    h('th', { scope: 'row' }, d.domain ? pick(d.domain, 'name') : '–'),
    h('td', { class: 'bar' }, h('span', { class: 'bar-fill', style: `width:${Math.round(100 * d.highestLevel / 8)}%`, 'aria-hidden': 'true' })),
    h('td', {}, `${t('level')} ${d.highestLevel}`)));
  return h('section', { class: 'panel', 'aria-labelledby': 'tshape-h', id: 'tshape' }, h('h3', { id: 'tshape-h', text: t('tshape') }),
    h('p', {}, `${t('breadthScore')}: ${shape.breadthScore}`),
    h('table', { class: 'bars' }, h('caption', { text: t('breadth') }), h('tbody', {}, rows)),
    h('table', { class: 'bars' }, h('caption', { text: t('depth') }), h('tbody', {}, depth)));
}

async function loadClaims(personId, box) {
  box.replaceChildren(h('h3', { id: 'claims-h', text: t('claims') }));
  const list = h('div', { id: 'claims-list' });
  box.append(list);
  const page = async after => {
    const data = await run(() => gql(Q.claims, { personId, first: 20, after }));
    if (!data) return undefined;
    const edges = data.evidenceToReview.edges;
    if (!edges.length && !after) list.append(h('p', { text: t('noClaims') }));
    for (const { node } of edges) list.append(claimCard(node, () => loadClaims(personId, box)));
    const more = moreButton('more-claims', data.evidenceToReview.pageInfo, page);
    if (more) box.append(more);
    return data;
  };
  await page(null);
}

function claimCard(node, reload) {
  const method = h('select', {}, METHODS.map(m => h('option', { value: m }, t('m' + m))));
  const reason = h('input', {});
  const decide = async (query, input, okText) => {
    const result = await run(() => gql(query, { input }));
    if (!result) return;
    const payload = result.validateEvidence || result.rejectEvidence;
    if (payload.errors.length) fail(new Error(errorsText(payload.errors)));
    else { say(okText); reload(); }
  };
  return h('div', { class: 'claim', 'data-evidence-id': node.id }, h('h4', { text: node.title }),
    h('p', { class: 'muted', text: node.explanationNl || node.description || '' }),
    h('ul', {}, node.asserts.map(a => h('li', {}, `${pick(a.outcome, 'title')} — ${t('level')} ${a.level}`))),
    h('div', { class: 'row' }, field(t('method'), method),
      h('button', { type: 'button', onclick: () => decide(Q.validate, { evidenceId: node.id, method: method.value }, t('validated')) }, t('validate')),
      field(t('reason'), reason),
      h('button', { type: 'button', class: 'secondary', onclick: () => reason.value.trim()
        ? decide(Q.reject, { evidenceId: node.id, reason: reason.value.trim() }, t('rejected')) : fail(new Error(t('reasonNeeded'))) }, t('reject'))));
}

/** Drops nulls from a saved request (JSON keeps every field of the input) so it can be sent again. */
const withoutNulls = value => Array.isArray(value) ? value.map(withoutNulls)
  : value && typeof value === 'object' ? Object.fromEntries(Object.entries(value).filter(([, v]) => v !== null).map(([k, v]) => [k, withoutNulls(v)]))
    : value;

async function loadSavedPlans(personId, box) {
  const data = await run(() => gql(Q.savedPlans, { personId }));
  box.replaceChildren(h('h3', { id: 'plans-h', text: t('savedPlans') }));
  if (!data) return;
  if (!data.savedPlans.length) { box.append(h('p', { text: t('noSavedPlans') })); return; }
  const update = async (p, input, okText) => {
    const result = await run(() => gql(Q.updatePlan, { input: { planId: p.id, expectedVersion: p.version, ...input } }));
    if (!result) return;
    const errors = result.updatePlan.errors;
    if (errors.some(e => e.__typename === 'VersionConflict')) fail(new Error(t('versionConflict')));
    else if (errors.length) fail(new Error(errorsText(errors)));
    else say(okText);
    await loadSavedPlans(personId, box);
  };
  box.append(h('ul', { class: 'plain' }, data.savedPlans.map(p => {
    const name = h('input', { value: p.name, class: 'plan-rename', id: 'rename-' + p.id });
    return h('li', { 'data-plan-id': p.id, class: 'saved-plan' },
      h('strong', { class: 'plan-name' }, p.name), ` — ${p.totalHours ?? '–'} ${t('hours')}, ${euro(p.totalCostEur)}, ${t('finish')} ${p.finish ?? '–'}`,
      h('ol', {}, p.learningUnits.map(u => h('li', { 'data-unit-id': u.id }, pick(u, 'title')))),
      h('form', { class: 'row', onsubmit: e => { e.preventDefault(); update(p, { name: name.value.trim() }, t('renamed')); } },
        field(`${t('newName')}: ${p.name}`, name), h('button', { type: 'submit', class: 'secondary rename-button' }, t('rename')),
        h('button', { type: 'button', class: 'secondary replan-button', title: t('replanHint'), onclick: () => {
          const request = withoutNulls(JSON.parse(p.requestJson));
          delete request.startDate; // plan it as of today, with today's credits and catalogue
          update(p, { plan: request }, t('replanned'));
        } }, t('replan'))));
  })));
}

async function loadNext(personId, box) {
  const data = await run(() => gql(Q.nextSteps, { personId }));
  box.replaceChildren(h('h3', { id: 'next-h', text: t('next') }));
  if (!data) return;
  if (!data.nextSteps.length) { box.append(h('p', { text: t('noNext') })); return; }
  for (const n of data.nextSteps) {
    box.append(h('h4', { text: pick(n.goal, 'name') }), h('p', { text: nl() ? n.explanationNl : n.explanationEn }),
      h('ol', {}, n.steps.map(s => h('li', {}, `${pick(s.learningUnit, 'title')} (${s.learningUnit.provider?.name ?? ''}), ${s.hours} ${t('hours')}, ${s.start} – ${s.finish}`))));
  }
}

// ---- a worker's consents ----------------------------------------------------------------------
async function loadConsents(box) {
  const data = await run(() => gql(Q.myConsents));
  box.replaceChildren(h('h3', { id: 'consents-h', text: t('consents') }));
  if (!data) return;
  const withdraw = async c => {
    const result = await run(() => gql(Q.withdrawConsent, { input: { consentId: c.id } }));
    if (!result) return;
    if (result.withdrawConsent.errors.length) fail(new Error(errorsText(result.withdrawConsent.errors)));
    else { say(t('withdrawn')); await loadConsents(box); }
  };
  box.append(data.myConsents.length ? h('ul', { class: 'plain', id: 'consent-list' },
    data.myConsents.map(c => h('li', { 'data-consent-id': c.id, 'data-advisor-id': c.advisor.id, 'data-status': c.status, class: 'consent' },
      h('strong', {}, c.advisor.name || c.advisor.id), ' ', h('span', { class: 'status-' + c.status }, `(${t('c' + c.status)})`), h('br'),
      `${c.purpose}; ${t('until')} ${c.until}`,
      c.status === 'ACTIVE' ? [' ', h('button', { type: 'button', class: 'secondary small withdraw-button',
        'aria-label': `${t('withdraw')}: ${c.advisor.name || c.advisor.id}, ${c.purpose}`, onclick: () => withdraw(c) }, t('withdraw'))] : null)))
    : h('p', { text: t('noConsents') }));
  const advisor = h('input', { id: 'consent-advisor', required: true, placeholder: 'acc-advisor-demir' });
  const purpose = h('input', { id: 'consent-purpose', required: true });
  const nextYear = new Date(Date.now() + 365 * 864e5).toISOString().slice(0, 10);
  const until = h('input', { id: 'consent-until', type: 'date', required: true, value: nextYear });
  box.append(h('form', { id: 'grant-form', onsubmit: async e => {
    e.preventDefault();
    const result = await run(() => gql(Q.grantConsent, { input: { advisorId: advisor.value.trim(), purpose: purpose.value.trim(), until: until.value } }));
    if (!result) return;
    if (result.grantConsent.errors.length) fail(new Error(errorsText(result.grantConsent.errors)));
    else { say(t('granted')); await loadConsents(box); }
  } }, h('h4', { text: t('grant') }), h('p', { class: 'muted', text: t('grantHint') }),
    h('div', { class: 'row' }, field(t('advisorId'), advisor), field(t('purpose'), purpose), field(t('until'), until)),
    h('p', {}, h('button', { type: 'submit', id: 'grant-button' }, t('grantButton')))));
}

// ---- claims from free text ----------------------------------------------------------------------
function suggestionPanel(personId, afterClaim) {
  const text = h('textarea', { id: 'suggest-text', rows: '4', maxlength: '5000' });
  const title = h('input', { id: 'suggest-title' });
  const list = h('div', { id: 'suggestions' });
  const form = h('form', { class: 'panel', id: 'suggest-form', 'aria-labelledby': 'suggest-h', onsubmit: async e => {
    e.preventDefault();
    if (!text.value.trim()) { fail(new Error(t('textNeeded'))); return; }
    const data = await run(() => gql(Q.suggest, { text: text.value, language: nl() ? 'NL' : 'EN' }));
    if (!data) return;
    list.replaceChildren();
    if (!data.suggestOutcomes.length) { list.append(h('p', { text: t('noSuggestions') })); return; }
    const rows = data.suggestOutcomes.map(sg => {
      const box = h('input', { type: 'checkbox', value: sg.outcome.id, id: 'sg-' + sg.outcome.id });
      const level = h('input', { type: 'number', min: '1', max: '8', value: String(sg.outcome.eqfLevel), class: 'level',
        id: 'sg-level-' + sg.outcome.id });
      return { sg, box, level, el: h('li', { 'data-outcome-id': sg.outcome.id },
        h('label', { class: 'check', for: box.id }, box, ' ', pick(sg.outcome, 'title')),
        h('span', { class: 'muted' }, ` (${pick(sg.outcome.competency, 'name')})`),
        h('div', { class: 'row' }, h('span', {}, hiddenTail(level.id, t('claimedLevel'), pick(sg.outcome, 'title')), ' ', level),
          h('details', {}, h('summary', {}, t('whySuggested')), sg.explanation))) };
    });
    const accept = async () => {
      const outcomes = rows.filter(r => r.box.checked).map(r => ({ outcomeId: r.sg.outcome.id, level: Number(r.level.value) }));
      if (!outcomes.length) { fail(new Error(t('chooseSuggestion'))); return; }
      const input = { personId, text: text.value, title: title.value.trim() || t('defaultClaimTitle'), outcomes };
      const result = await run(() => gql(Q.accept, { input }));
      if (!result) return;
      if (result.acceptSuggestions.errors.length) { fail(new Error(errorsText(result.acceptSuggestions.errors))); return; }
      list.replaceChildren();
      text.value = '';
      await afterClaim();
      say(t('claimAdded'));
    };
    list.append(h('ul', { class: 'plain' }, rows.map(r => r.el)),
      h('button', { type: 'button', id: 'accept-button', onclick: accept }, t('acceptSuggestions')));
  } }, h('h3', { id: 'suggest-h', text: t('suggestTitle') }), h('p', { class: 'muted', text: t('suggestHint') }),
    field(t('suggestText'), text), field(t('claimTitle'), title),
    h('p', {}, h('button', { type: 'submit', id: 'suggest-button' }, t('suggest'))), list);
  return form;
}

// ---- planning ---------------------------------------------------------------------------------
/** The plan form and its result; it starts at the person's first saved goal, if they have one. */
async function planPanel(personId, refreshPlans, goal) {
  const [targets, placeData] = await Promise.all([run(() => gql(Q.targets)), run(() => gql(Q.places))]);
  const lists = { role: targets?.roles || [], certificate: targets?.certificates || [] };
  const kind = h('select', { id: 'target-kind' }, ['role', 'certificate', 'programme', 'outcomes'].map(k => h('option', { value: k }, t(k))));
  const target = h('select', { id: 'target' });
  const targetField = field(t('target'), target);
  const picker = outcomePicker('target-outcomes', { multiple: true });
  const fill = async () => {
    const outcomes = kind.value === 'outcomes';
    targetField.hidden = outcomes;
    picker.hidden = !outcomes;
    if (outcomes) return;
    if (kind.value === 'programme' && !lists.programme) lists.programme = (await run(() => gql(Q.programmes)))?.programmes || [];
    target.replaceChildren(...lists[kind.value].map(x => h('option', { value: x.id }, pick(x, 'name') + (x.institution ? ' — ' + x.institution.name : ''))));
  };
  kind.addEventListener('change', fill);
  if (goal) kind.value = goal.__typename.toLowerCase();
  await fill();
  if (goal) target.value = goal.id;
  const hours = h('input', { id: 'hours-per-week', type: 'number', min: '1', max: '60', value: '8' });
  const budget = h('input', { id: 'budget', type: 'number', min: '0', step: '100' });
  const deadline = h('input', { id: 'deadline', type: 'date' });
  const modes = checkboxes(t('modes'), 'modes', MODES.map(m => ({ value: m, label: t('mode' + m) })));
  const places = checkboxes(t('places'), 'places', (placeData?.places || []).map(p => ({ value: p.name, label: p.name })));
  const languages = checkboxes(t('languages'), 'languages', LANGUAGES.map(l => ({ value: l, label: t('lang_' + l) })));
  const basis = h('select', { id: 'budget-applies' }, ['GROSS', 'NET', 'NET_TO_PERSON'].map(b => h('option', { value: b }, t('basis' + b))));
  const result = h('div', { id: 'route-result' });
  let shown = false;
  const request = () => {
    const input = { personId, constraints: {}, budgetApplies: basis.value };
    if (kind.value === 'outcomes') {
      const outcomes = picker.value();
      if (!outcomes.length) return null;
      input.target = { outcomes };
    } else {
      if (!target.value) return null;
      input.target = { [kind.value + 'Id']: target.value };
    }
    if (hours.value) input.constraints.hoursPerWeek = Number(hours.value);
    if (budget.value) input.constraints.budgetEur = Number(budget.value);
    if (deadline.value) input.constraints.deadline = deadline.value;
    for (const [key, set] of [['modes', modes], ['places', places], ['languages', languages]]) {
      if (set.values().length) input.constraints[key] = set.values();
    }
    return input;
  };
  const goalName = () => kind.value === 'outcomes' ? picker.chosenNames().join(', ') : target.selectedOptions[0]?.textContent ?? '';
  const plan = async () => {
    const input = request();
    if (!input) { fail(new Error(t(kind.value === 'outcomes' ? 'chooseOutcomes' : 'chooseTarget'))); return; }
    say(t('loading'));
    const data = await run(() => gql(Q.plan, input));
    if (!data) return;
    shown = true;
    showRoute(result, data.planRoute, input, goalName(), refreshPlans);
    say(t('planned') + ' ' + (nl() ? data.planRoute.explanationNl : data.planRoute.explanationEn));
  };
  const form = h('form', { class: 'panel', id: 'plan-form', 'aria-labelledby': 'plan-h', onsubmit: e => { e.preventDefault(); plan(); } }, h('h3', { id: 'plan-h', text: t('plan') }),
    h('div', { class: 'row' }, field(t('targetKind'), kind), targetField), picker,
    h('div', { class: 'row' }, field(t('hoursPerWeek'), hours), field(t('budget'), budget), field(t('budgetApplies'), basis),
      field(t('deadline'), deadline)),
    h('div', { class: 'row' }, modes, languages), places,
    h('p', {}, h('button', { type: 'submit', id: 'plan-button' }, t('runPlan'))));
  const box = h('div', {}, form, result);
  box.replanIfShown = async () => { if (shown) await plan(); };
  return box;
}

function showRoute(box, plan, input, goalName, refreshPlans) {
  box.replaceChildren();
  box.append(h('p', { id: 'plan-status', 'data-status': plan.status }, h('strong', {}, t('status') + ': ' + t('plan' + plan.status) + '. '), nl() ? plan.explanationNl : plan.explanationEn));
  if (!plan.best) {
    box.append(h('h3', { text: t('noRoute') }), h('ul', { id: 'infeasibility' }, plan.infeasibility.map(i => h('li', {}, nl() ? i.textNl : i.textEn))));
    box.append(whatIfPanel(input));
    return;
  }
  const routes = [plan.best, ...plan.alternatives].slice(0, 3);
  const mapBox = h('div', { id: 'map-box' });
  const routeChoice = h('select', { id: 'map-route' }, routes.map((r, i) => h('option', { value: String(i) },
    `${i === 0 ? t('best') : `${t('alternative')} ${i}`} (${r.totalHours} ${t('hours')})`)));
  const by = h('select', { id: 'map-lines' }, ['competency', 'provider'].map(v => h('option', { value: v }, t('linesBy_' + v))));
  const draw = () => {
    const route = routes[Number(routeChoice.value)];
    mapBox.replaceChildren(route.steps.length
      ? metroMap(route, plan.credits, goalName, { t, pick, by: by.value }) : h('p', { text: t('nothingToLearn') }),
    h('h4', { text: t('timeline') }), route.steps.length ? timeline(route, { t, pick }) : '');
  };
  routeChoice.addEventListener('change', draw);
  by.addEventListener('change', draw);
  box.append(h('section', { class: 'panel', 'aria-labelledby': 'route-h', id: 'route-panel' }, h('h3', { id: 'route-h', text: t('route') }),
    h('div', { class: 'row' }, field(t('mapRoute'), routeChoice), field(t('linesBy'), by)), mapBox));
  draw();
  box.append(h('section', { class: 'panel', 'aria-labelledby': 'steps-h' }, h('h3', { id: 'steps-h', text: t('steps') }),
    h('ol', { id: 'steps' }, plan.best.steps.map(s => h('li', { 'data-unit-id': s.learningUnit.id },
      h('strong', {}, pick(s.learningUnit, 'title')), ` — ${s.learningUnit.provider?.name ?? ''}, ${s.hours} ${t('hours')}, ${euro(s.costEur)}, ${s.start} – ${s.finish}`,
      s.funding.length ? h('span', { class: 'funding' }, h('br'), `${t('funding')}: `
        + s.funding.map(f => `${pick(f, 'name')} ${euro(f.amountEur)}`).join('; ') + `; ${t('toPerson')} ${euro(s.toPersonEur)}`) : null,
      h('br'), `${t('covers')}: ` + s.newlyCovers.map(c => `${pick(c.outcome, 'title')} (${t('level')} ${c.level})`).join('; '),
      s.pulledInBy.length ? h('span', {}, h('br'), `${t('why')}: ` + s.pulledInBy.map(p => p.description).join('; ')) : null)))));
  box.append(h('section', { class: 'panel', 'aria-labelledby': 'credits-h' }, h('h3', { id: 'credits-h', text: t('credits') }),
    plan.credits.length ? h('ul', { id: 'credits' }, plan.credits.map(c => h('li', { 'data-outcome-id': c.outcome.id },
      h('strong', {}, pick(c.outcome, 'title')), ': ', nl() ? c.explanationNl : c.explanationEn)))
      : h('p', { text: t('noCredits') })));
  box.append(h('section', { class: 'panel', 'aria-labelledby': 'alts-h' }, h('h3', { id: 'alts-h', text: t('alternatives') }),
    h('div', { class: 'alts', id: 'alternatives' }, routes.map((r, i) => h('div', { class: 'alt', 'data-route': i === 0 ? 'best' : 'alternative-' + i },
      h('h4', { text: i === 0 ? t('best') : `${t('alternative')} ${i}` }),
      h('dl', {}, h('dt', {}, t('totalHours')), h('dd', { class: 'total-hours' }, String(r.totalHours)),
        h('dt', {}, t('cost')), h('dd', { class: 'total-cost', 'data-eur': String(r.totalCostEur) }, euro(r.totalCostEur)),
        h('dt', {}, t('netCost')), h('dd', { class: 'total-net', 'data-eur': String(r.totalNetCostEur) }, euro(r.totalNetCostEur)),
        h('dt', {}, t('toPerson')), h('dd', { class: 'total-to-person', 'data-eur': String(r.totalToPersonEur) }, euro(r.totalToPersonEur)),
        h('dt', {}, t('finish')), h('dd', { class: 'finish' }, r.finish),
        h('dt', {}, t('units')), h('dd', { class: 'unit-count' }, String(r.unitCount))),
      h('ol', {}, r.steps.map(s => h('li', { 'data-unit-id': s.learningUnit.id }, pick(s.learningUnit, 'title')))))))));
  box.append(whatIfPanel(input));
  const name = h('input', { id: 'plan-name', value: goalName });
  box.append(h('form', { class: 'panel row', id: 'save-form', onsubmit: async e => {
    e.preventDefault();
    const data = await run(() => gql(Q.savePlan, { input: { plan: { ...input, alternatives: 0 }, name: name.value.trim() || goalName } }));
    if (!data) return;
    if (data.savePlan.errors.length) fail(new Error(errorsText(data.savePlan.errors)));
    else { say(t('saved')); await refreshPlans(); }
  } }, field(t('planName'), name), h('button', { type: 'submit', id: 'save-button' }, t('save'))));
}

/**
 * What if: the same target and limits under up to three variants of hours per week and budget, planned
 * side by side by compareRoutes. The first variant starts as the form's values.
 */
function whatIfPanel(input) {
  const base = input.constraints;
  const defaults = [
    { label: t('asEntered'), hours: base.hoursPerWeek, budget: base.budgetEur },
    { label: `${base.hoursPerWeek === 16 ? 8 : 16} ${t('hoursPerWeekShort')}`, hours: base.hoursPerWeek === 16 ? 8 : 16, budget: base.budgetEur },
    { label: t('budgetVariant'), hours: base.hoursPerWeek, budget: 1000 },
  ];
  const rows = defaults.map((d, i) => ({
    label: h('input', { id: `whatif-label-${i}`, value: d.label }),
    hours: h('input', { id: `whatif-hours-${i}`, type: 'number', min: '1', max: '60', value: d.hours ?? '' }),
    budget: h('input', { id: `whatif-budget-${i}`, type: 'number', min: '0', step: '100', value: d.budget ?? '' }),
  }));
  const out = h('div', { id: 'whatif-result' });
  return h('form', { class: 'panel', id: 'whatif-form', 'aria-labelledby': 'whatif-h', onsubmit: async e => {
    e.preventDefault();
    const inputs = rows.filter(r => r.label.value.trim()).map(r => {
      const constraints = { ...base };
      delete constraints.hoursPerWeek;
      delete constraints.budgetEur;
      if (r.hours.value) constraints.hoursPerWeek = Number(r.hours.value);
      if (r.budget.value) constraints.budgetEur = Number(r.budget.value);
      return { label: r.label.value.trim(), personId: input.personId, target: input.target, constraints,
        budgetApplies: input.budgetApplies };
    });
    const data = await run(() => gql(Q.compare, { inputs }));
    if (!data) return;
    const plans = data.compareRoutes;
    const cell = (p, f) => h('td', { 'data-label': p.label }, f(p));
    out.replaceChildren(h('table', { class: 'compare' }, h('caption', { text: t('whatIfCaption') }),
      h('thead', {}, h('tr', {}, h('td', {}), plans.map(p => h('th', { scope: 'col' }, p.label)))),
      h('tbody', {},
        h('tr', { 'data-row': 'status' }, h('th', { scope: 'row' }, t('status')),
          plans.map(p => h('td', { 'data-label': p.label, 'data-status': p.status }, t('plan' + p.status)))),
        h('tr', { 'data-row': 'hours' }, h('th', { scope: 'row' }, t('totalHours')), plans.map(p => cell(p, x => x.best ? String(x.best.totalHours) : '–'))),
        h('tr', { 'data-row': 'cost' }, h('th', { scope: 'row' }, t('cost')), plans.map(p => cell(p, x => x.best ? euro(x.best.totalCostEur) : '–'))),
        h('tr', { 'data-row': 'to-person' }, h('th', { scope: 'row' }, t('toPerson')),
          plans.map(p => cell(p, x => x.best ? euro(x.best.totalToPersonEur) : '–'))),
        h('tr', { 'data-row': 'finish' }, h('th', { scope: 'row' }, t('finish')), plans.map(p => cell(p, x => x.best ? x.best.finish : '–'))),
        h('tr', { 'data-row': 'units' }, h('th', { scope: 'row' }, t('units')), plans.map(p => cell(p, x => x.best ? String(x.best.unitCount) : '–'))),
        h('tr', { 'data-row': 'why' }, h('th', { scope: 'row' }, t('whyNot')), plans.map(p => cell(p, x =>
          x.infeasibility.map(i => nl() ? i.textNl : i.textEn).join(' ') || '–'))))));
    say(t('compared'));
  } }, h('h3', { id: 'whatif-h', text: t('whatIf') }), h('p', { class: 'muted', text: t('whatIfHint') }),
    h('table', { class: 'whatif-inputs' }, h('thead', {}, h('tr', {}, [t('variant'), t('hoursPerWeek'), t('budget')].map(x => h('th', { scope: 'col' }, x)))),
      h('tbody', {}, rows.map((r, i) => h('tr', {},
        h('td', {}, h('label', { for: r.label.id, class: 'sr-only' }, `${t('variant')} ${i + 1}`), r.label),
        h('td', {}, h('label', { for: r.hours.id, class: 'sr-only' }, `${t('hoursPerWeek')} ${i + 1}`), r.hours),
        h('td', {}, h('label', { for: r.budget.id, class: 'sr-only' }, `${t('budget')} ${i + 1}`), r.budget))))),
    h('p', {}, h('button', { type: 'submit', id: 'whatif-button' }, t('compare'))), out);
}

// ---- institution --------------------------------------------------------------------------------
async function institutionView(me) {
  const picker = outcomePicker('editor-outcome', { multiple: false });
  const level = h('input', { id: 'min-level', type: 'number', min: '1', max: '8' });
  const covering = h('div', { id: 'covering' });
  const coveringPage = async (outcomeId, after) => {
    const vars = { outcomeId, after };
    if (level.value) vars.minLevel = Number(level.value);
    const data = await run(() => gql(Q.covering, vars));
    if (!data) return undefined;
    const { edges, pageInfo } = data.modulesCoveringOutcome;
    if (!after) {
      covering.replaceChildren(edges.length ? h('table', {}, h('caption', { text: t('covering') }),
        h('thead', {}, h('tr', {}, [t('units'), t('provider'), t('level'), t('hours'), t('cost')].map(x => h('th', { scope: 'col' }, x)))),
        h('tbody', {})) : h('p', { text: t('none') }));
    }
    const body = covering.querySelector('tbody');
    if (body) body.append(...edges.map(({ node }) => h('tr', { 'data-unit-id': node.learningUnit.id }, h('td', {}, pick(node.learningUnit, 'title')),
      h('td', {}, node.learningUnit.provider?.name ?? ''), h('td', {}, node.level), h('td', {}, node.learningUnit.hours), h('td', {}, euro(node.learningUnit.costEur)))));
    const more = moreButton('more-covering', pageInfo, next => coveringPage(outcomeId, next));
    if (more) covering.append(more);
    if (!after) say(`${edges.length}${pageInfo.hasNextPage ? '+' : ''} ${t('units')}`);
    return data;
  };
  main.append(h('h2', { text: me.institution ? me.institution.name : t('institution') }),
    h('form', { class: 'panel', id: 'covering-form', 'aria-labelledby': 'covering-h', onsubmit: async e => {
      e.preventDefault();
      const [chosen] = picker.value();
      if (!chosen) { fail(new Error(t('chooseOutcome'))); return; }
      await coveringPage(chosen.outcomeId, null);
    } }, h('h3', { id: 'covering-h', text: t('covering') }), picker,
      h('div', { class: 'row' }, field(t('minLevel') + ' (' + t('optional') + ')', level), h('button', { type: 'submit', id: 'covering-button' }, t('show')))), covering);
  const list = h('ul', { id: 'uncovered' });
  const section = h('section', { class: 'panel', 'aria-labelledby': 'uncovered-h' }, h('h3', { id: 'uncovered-h', text: t('uncovered') }), list);
  main.append(section);
  const page = async after => {
    const data = await run(() => gql(Q.uncovered, { after }));
    if (!data) return undefined;
    list.append(...data.uncoveredOutcomes.edges.map(({ node }) => h('li', { 'data-outcome-id': node.outcome.id },
      h('strong', {}, pick(node.outcome, 'title')), ` (${node.outcome.id}): ${t('requiredLevel')} ${node.requiredLevel}, ${t('highestTaught')} ${node.highestTaughtLevel}; ${t('requiredBy')} `
      + node.requiredBy.map(r => pick(r.requirer, 'name')).join(', '))));
    const more = moreButton('more-uncovered', data.uncoveredOutcomes.pageInfo, page);
    if (more) section.append(more);
    return data;
  };
  await page(null);
}

// ---- start -------------------------------------------------------------------------------------
document.getElementById('lang-switch').addEventListener('click', () => {
  lang = nl() ? 'en' : 'nl';
  sessionStorage.setItem('leerroute.lang', lang);
  applyLanguage();
  if (current) show(current);
});
document.getElementById('sign-out').addEventListener('click', () => { session.token = null; say(''); showSignIn(); });
applyLanguage();
if (session.token) start(); else showSignIn();
