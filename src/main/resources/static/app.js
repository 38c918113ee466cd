// Leerroute web page: sign-in, advisor, worker and institution views. Plain DOM, no libraries.
import { TEXTS } from './i18n.js';
import { Q, gql, signIn, session, ApiError } from './api.js';
import { metroMap, timeline } from './metro.js';

let lang = sessionStorage.getItem('leerroute.lang') || 'nl';
let current = null; // the function that draws the current view again (after a language switch)
const main = document.getElementById('main');
const MODES = ['FULL_TIME', 'PART_TIME', 'DUAL', 'ONLINE', 'ON_SITE'];
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

// ---- sign-in -------------------------------------------------------------------------------
function showSignIn() {
  document.getElementById('sign-out').hidden = true;
  document.getElementById('who').textContent = '';
  return show(() => {
    const user = h('input', { name: 'username', autocomplete: 'username', required: true });
    const pass = h('input', { name: 'password', type: 'password', autocomplete: 'current-password', required: true });
    const form = h('form', { id: 'sign-in', class: 'panel', onsubmit: async e => {
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
  main.append(h('section', { class: 'panel', 'aria-labelledby': 'clients-h' }, h('h2', { id: 'clients-h', text: t('clients') }),
    data.myClients.length ? list : h('p', { text: t('noClients') })));
  say('');
}

// ---- a person: profile, T-shape, claims, plan, saved plans, next steps ------------------------
async function personView(personId, role) {
  say(t('loading'));
  const [profile, shape] = await Promise.all([run(() => gql(Q.profile, { personId })), run(() => gql(Q.tShape, { personId }))]);
  if (!profile) return;
  const person = profile.person;
  if (role.advisor) main.append(h('button', { type: 'button', class: 'secondary', onclick: () => show(advisorHome) }, t('back')));
  main.append(h('h2', { id: 'person-name', text: person.name }));
  const left = h('div', {}), right = h('div', {});
  main.append(h('div', { class: 'grid' }, left, right));
  left.append(profilePanel(person));
  if (shape) left.append(tShapePanel(shape.tShapeProfile));
  const plansBox = h('section', { class: 'panel', 'aria-labelledby': 'plans-h', id: 'saved-plans' });
  left.append(plansBox);
  const refreshPlans = () => loadSavedPlans(personId, plansBox);
  if (role.advisor) { const claimsBox = h('section', { class: 'panel', 'aria-labelledby': 'claims-h', id: 'claims' }); left.append(claimsBox); loadClaims(personId, claimsBox); }
  if (role.worker) { const nextBox = h('section', { class: 'panel', 'aria-labelledby': 'next-h', id: 'next-steps' }); right.append(nextBox); loadNext(personId, nextBox); }
  right.append(await planPanel(personId, refreshPlans));
  await refreshPlans();
  say('');
}

function profilePanel(person) {
  const items = person.evidence.map(e => h('li', {},
    h('strong', {}, e.title), ' ', h('span', { class: 'status-' + e.status }, '(' + e.status + ')'),
    h('ul', {}, e.asserts.map(a => h('li', {}, `${a.outcome.titleNl} — ${t('level')} ${a.level}`)))));
  return h('section', { class: 'panel', 'aria-labelledby': 'profile-h' }, h('h3', { id: 'profile-h', text: t('evidence') }),
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
  const data = await run(() => gql(Q.claims, { personId, first: 20 }));
  box.replaceChildren(h('h3', { id: 'claims-h', text: t('claims') }));
  if (!data) return;
  const edges = data.evidenceToReview.edges;
  if (!edges.length) { box.append(h('p', { text: t('noClaims') })); return; }
  for (const { node } of edges) {
    const method = h('select', {}, METHODS.map(m => h('option', { value: m }, m)));
    const reason = h('input', {});
    const decide = async (query, input, okText) => {
      const result = await run(() => gql(query, { input }));
      if (!result) return;
      const payload = result.validateEvidence || result.rejectEvidence;
      if (payload.errors.length) fail(new Error(payload.errors.map(e => e.message).join('; ')));
      else { say(okText); loadClaims(personId, box); }
    };
    box.append(h('div', { class: 'claim' }, h('h4', { text: node.title }), h('p', { class: 'muted', text: node.explanationNl || node.description || '' }),
      h('ul', {}, node.asserts.map(a => h('li', {}, `${a.outcome.titleNl} — ${t('level')} ${a.level}`))),
      h('div', { class: 'row' }, field(t('method'), method),
        h('button', { type: 'button', onclick: () => decide(Q.validate, { evidenceId: node.id, method: method.value }, t('validated')) }, t('validate')),
        field(t('reason'), reason),
        h('button', { type: 'button', class: 'secondary', onclick: () => reason.value.trim()
          ? decide(Q.reject, { evidenceId: node.id, reason: reason.value.trim() }, t('rejected')) : fail(new Error(t('reasonNeeded'))) }, t('reject')))));
  }
}

async function loadSavedPlans(personId, box) {
  const data = await run(() => gql(Q.savedPlans, { personId }));
  box.replaceChildren(h('h3', { id: 'plans-h', text: t('savedPlans') }));
  if (!data) return;
  if (!data.savedPlans.length) { box.append(h('p', { text: t('noSavedPlans') })); return; }
  box.append(h('ul', { class: 'plain' }, data.savedPlans.map(p => h('li', { 'data-plan-id': p.id },
    h('strong', {}, p.name), ` — ${p.totalHours ?? '–'} ${t('hours')}, ${euro(p.totalCostEur)}, ${t('finish')} ${p.finish ?? '–'}`,
    h('ol', {}, p.learningUnits.map(u => h('li', { 'data-unit-id': u.id }, u.titleNl)))))));
}

async function loadNext(personId, box) {
  const data = await run(() => gql(Q.nextSteps, { personId }));
  box.replaceChildren(h('h3', { id: 'next-h', text: t('next') }));
  if (!data) return;
  if (!data.nextSteps.length) { box.append(h('p', { text: t('noNext') })); return; }
  for (const n of data.nextSteps) {
    box.append(h('h4', { text: n.goal.nameNl }), h('p', { text: nl() ? n.explanationNl : n.explanationEn }),
      h('ol', {}, n.steps.map(s => h('li', {}, `${s.learningUnit.titleNl} (${s.learningUnit.provider?.name ?? ''}), ${s.hours} ${t('hours')}, ${s.start} – ${s.finish}`))));
  }
}

// ---- planning ---------------------------------------------------------------------------------
async function planPanel(personId, refreshPlans) {
  const targets = (await run(() => gql(Q.targets))) || { roles: [], certificates: [] };
  let programmes = null;
  const kind = h('select', { id: 'target-kind' }, ['role', 'certificate', 'programme'].map(k => h('option', { value: k }, t(k))));
  const target = h('select', { id: 'target' });
  const fill = async () => {
    let list = kind.value === 'role' ? targets.roles : kind.value === 'certificate' ? targets.certificates : null;
    if (!list) { programmes = programmes || (await run(() => gql(Q.programmes)))?.programmes || []; list = programmes; }
    target.replaceChildren(...list.map(x => h('option', { value: x.id }, pick(x, 'name') + (x.institution ? ' — ' + x.institution.name : ''))));
  };
  kind.addEventListener('change', fill);
  await fill();
  const hours = h('input', { id: 'hours-per-week', type: 'number', min: '1', max: '60', value: '8' });
  const budget = h('input', { id: 'budget', type: 'number', min: '0', step: '100' });
  const deadline = h('input', { id: 'deadline', type: 'date' });
  const mode = h('select', { id: 'mode' }, h('option', { value: '' }, t('anyMode')), MODES.map(m => h('option', { value: m }, m)));
  const place = h('input', { id: 'place' });
  const result = h('div', { id: 'route-result' });
  const form = h('form', { class: 'panel', id: 'plan-form', onsubmit: async e => {
    e.preventDefault();
    if (!target.value) { fail(new Error(t('chooseTarget'))); return; }
    const input = { personId, target: { [kind.value + 'Id']: target.value }, constraints: {} };
    if (hours.value) input.constraints.hoursPerWeek = Number(hours.value);
    if (budget.value) input.constraints.budgetEur = Number(budget.value);
    if (deadline.value) input.constraints.deadline = deadline.value;
    if (mode.value) input.constraints.modes = [mode.value];
    if (place.value.trim()) input.constraints.places = [place.value.trim()];
    say(t('loading'));
    const data = await run(() => gql(Q.plan, input));
    if (!data) return;
    showRoute(result, data.planRoute, input, target.selectedOptions[0].textContent, refreshPlans);
    say(t('planned') + ' ' + (nl() ? data.planRoute.explanationNl : data.planRoute.explanationEn));
  } }, h('h3', { text: t('plan') }),
    h('div', { class: 'row' }, field(t('targetKind'), kind), field(t('target'), target)),
    h('div', { class: 'row' }, field(t('hoursPerWeek'), hours), field(t('budget'), budget), field(t('deadline'), deadline),
      field(t('mode'), mode), field(t('place'), place)),
    h('p', {}, h('button', { type: 'submit', id: 'plan-button' }, t('runPlan'))));
  return h('div', {}, form, result);
}

function showRoute(box, plan, input, goalName, refreshPlans) {
  box.replaceChildren();
  box.append(h('p', { id: 'plan-status' }, h('strong', {}, t('status') + ': ' + plan.status + '. '), nl() ? plan.explanationNl : plan.explanationEn));
  if (!plan.best) {
    box.append(h('h3', { text: t('noRoute') }), h('ul', {}, plan.infeasibility.map(i => h('li', {}, nl() ? i.textNl : i.textEn))));
    return;
  }
  const routes = [plan.best, ...plan.alternatives].slice(0, 3);
  box.append(h('section', { class: 'panel', 'aria-labelledby': 'route-h' }, h('h3', { id: 'route-h', text: t('route') }),
    metroMap(routes, plan.credits, goalName, { t, pick }),
    h('h4', { text: t('timeline') }), timeline(plan.best, { t, pick })));
  box.append(h('section', { class: 'panel', 'aria-labelledby': 'steps-h' }, h('h3', { id: 'steps-h', text: t('steps') }),
    h('ol', { id: 'steps' }, plan.best.steps.map(s => h('li', { 'data-unit-id': s.learningUnit.id },
      h('strong', {}, pick(s.learningUnit, 'title')), ` — ${s.learningUnit.provider?.name ?? ''}, ${s.hours} ${t('hours')}, ${euro(s.costEur)}, ${s.start} – ${s.finish}`,
      h('br'), `${t('covers')}: ` + s.newlyCovers.map(c => `${pick(c.outcome, 'title')} (${t('level')} ${c.level})`).join('; '),
      s.pulledInBy.length ? h('span', {}, h('br'), `${t('why')}: ` + s.pulledInBy.map(p => p.description).join('; ')) : null)))));
  box.append(h('section', { class: 'panel', 'aria-labelledby': 'credits-h' }, h('h3', { id: 'credits-h', text: t('credits') }),
    plan.credits.length ? h('ul', { id: 'credits' }, plan.credits.map(c => h('li', {}, h('strong', {}, pick(c.outcome, 'title')), ': ', nl() ? c.explanationNl : c.explanationEn)))
      : h('p', { text: t('noCredits') })));
  box.append(h('section', { class: 'panel', 'aria-labelledby': 'alts-h' }, h('h3', { id: 'alts-h', text: t('alternatives') }),
    h('div', { class: 'alts', id: 'alternatives' }, routes.map((r, i) => h('div', { class: 'panel' },
      h('h4', { text: i === 0 ? t('best') : `${t('alternative')} ${i}` }),
      h('p', {}, `${t('totalHours')}: ${r.totalHours}`, h('br'), `${t('cost')}: ${euro(r.totalCostEur)}`, h('br'), `${t('finish')}: ${r.finish}`, h('br'), `${t('units')}: ${r.unitCount}`),
      h('ol', {}, r.steps.map(s => h('li', {}, pick(s.learningUnit, 'title')))))))));
  const name = h('input', { id: 'plan-name', value: goalName });
  box.append(h('form', { class: 'panel row', id: 'save-form', onsubmit: async e => {
    e.preventDefault();
    const data = await run(() => gql(Q.savePlan, { input: { plan: { ...input, alternatives: 0 }, name: name.value.trim() || goalName } }));
    if (!data) return;
    if (data.savePlan.errors.length) fail(new Error(data.savePlan.errors.map(x => x.message).join('; ')));
    else { say(t('saved')); await refreshPlans(); }
  } }, field(t('planName'), name), h('button', { type: 'submit', id: 'save-button' }, t('save'))));
}

// ---- institution --------------------------------------------------------------------------------
async function institutionView(me) {
  const outcome = h('input', { id: 'outcome-id', placeholder: 'lo-robot-safety' });
  const level = h('input', { id: 'min-level', type: 'number', min: '1', max: '8' });
  const covering = h('div', { id: 'covering' });
  main.append(h('h2', { text: me.institution ? me.institution.name : t('institution') }),
    h('form', { class: 'panel', onsubmit: async e => {
      e.preventDefault();
      const vars = { outcomeId: outcome.value.trim() };
      if (level.value) vars.minLevel = Number(level.value);
      const data = await run(() => gql(Q.covering, vars));
      if (!data) return;
      const edges = data.modulesCoveringOutcome.edges;
      covering.replaceChildren(edges.length ? h('table', {}, h('thead', {}, h('tr', {}, [t('units'), t('provider'), t('level'), t('hours'), t('cost')].map(x => h('th', { scope: 'col' }, x)))),
        h('tbody', {}, edges.map(({ node }) => h('tr', {}, h('td', {}, node.learningUnit.titleNl), h('td', {}, node.learningUnit.provider?.name ?? ''),
          h('td', {}, node.level), h('td', {}, node.learningUnit.hours), h('td', {}, euro(node.learningUnit.costEur))))))
        : h('p', { text: t('none') }));
      say(`${edges.length} ${t('units')}`);
    } }, h('h3', { text: t('covering') }), h('div', { class: 'row' }, field(t('outcome'), outcome), field(t('level') + ' (' + t('optional') + ')', level),
      h('button', { type: 'submit' }, t('show')))), covering);
  const data = await run(() => gql(Q.uncovered));
  if (!data) return;
  main.append(h('section', { class: 'panel', 'aria-labelledby': 'uncovered-h' }, h('h3', { id: 'uncovered-h', text: t('uncovered') }),
    h('ul', { id: 'uncovered' }, data.uncoveredOutcomes.edges.map(({ node }) => h('li', {},
      h('strong', {}, pick(node.outcome, 'title')), ` (${node.outcome.id}): ${t('requiredLevel')} ${node.requiredLevel}, ${t('highestTaught')} ${node.highestTaughtLevel}; ${t('requiredBy')} `
      + node.requiredBy.map(r => r.requirer.nameNl).join(', '))))));
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
