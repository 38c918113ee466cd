// A route as a metro map (inline SVG). One line per competency the route works on (or per provider):
// the units are its stations, in the route's order from left to right; a unit that serves several
// competencies is an interchange on each of their lines; outcomes already credited are the stations
// a line has already passed (grey, at its start); every line ends at the goal, the terminus.
const SVG = 'http://www.w3.org/2000/svg';
// Line colours: each has a contrast of at least 3:1 against white (WCAG 1.4.11 for graphics), and
// every line is also named in text at its start, so colour is never the only clue.
const COLOURS = ['#0b5394', '#6a1b9a', '#8a4b00', '#1b5e20', '#a4161a', '#00695c', '#4527a0', '#5d4037', '#ad1457', '#37474f'];
const LABEL_W = 222, PASS_GAP = 26, GAP = 132, HEADER = 84, ROW = 46, TERMINUS_W = 18;

function s(tag, attrs = {}, text) {
  const el = document.createElementNS(SVG, tag);
  for (const [k, v] of Object.entries(attrs)) el.setAttribute(k, v);
  if (text !== undefined) el.textContent = text;
  return el;
}
const short = (text, n) => text.length > n ? text.slice(0, n - 1) + '…' : text;

/** Splits a title into at most `max` lines of about `n` characters, at spaces where possible. */
function wrap(text, n, max) {
  const lines = [];
  let rest = text;
  while (rest.length > n && lines.length < max - 1) {
    const cut = rest.lastIndexOf(' ', n);
    const line = rest.slice(0, cut > n / 2 ? cut : n - 1);
    lines.push(cut > n / 2 ? line : line + '-'); // a long word is broken with a hyphen
    rest = rest.slice(line.length).trim();
  }
  return [...lines, short(rest, n)];
}

/**
 * The lines of a route: key, name and the steps (indexes) and credits on it, in the order a reader
 * meets them (lines with units first, by their first unit; then lines with credits only).
 */
export function metroLines(route, credits, by, { t, pick }) {
  const lines = new Map();
  const line = (key, name) => {
    if (!lines.has(key)) lines.set(key, { key, name, steps: [], credits: [] });
    return lines.get(key);
  };
  route.steps.forEach((step, k) => {
    if (by === 'provider') {
      const p = step.learningUnit.provider;
      line(p.id, p.name).steps.push(k);
      return;
    }
    const seen = new Set();
    for (const c of step.newlyCovers) {
      const comp = c.outcome.competency;
      if (seen.has(comp.id)) continue;
      seen.add(comp.id);
      line(comp.id, pick(comp, 'name')).steps.push(k);
    }
    if (!seen.size) line('other', t('otherLine')).steps.push(k); // a step only there for an entry requirement
  });
  for (const c of credits) {
    if (by === 'provider') line('credited', t('alreadyCredited')).credits.push(c);
    else line(c.outcome.competency.id, pick(c.outcome.competency, 'name')).credits.push(c);
  }
  return [...lines.values()].sort((a, b) => (a.steps.length ? a.steps[0] : 1e9) - (b.steps.length ? b.steps[0] : 1e9));
}

export function metroMap(route, credits, goalName, { t, pick, by = 'competency' }) {
  const lines = metroLines(route, credits, by, { t, pick });
  const passCols = Math.max(0, ...lines.map(l => l.credits.length));
  const passX = k => LABEL_W + 16 + k * PASS_GAP;
  const x0 = LABEL_W + 16 + passCols * PASS_GAP + (passCols ? 50 : 30);
  const colX = k => x0 + k * GAP;
  const termX = colX(route.steps.length - 1) + 70;
  const rowY = i => HEADER + 24 + i * ROW;
  const width = termX + TERMINUS_W + 16, height = rowY(lines.length - 1) + 48;
  const svg = s('svg', { id: 'metro-map', role: 'img', 'aria-labelledby': 'metro-title metro-desc', 'data-by': by,
    width, height, viewBox: `0 0 ${width} ${height}` });
  svg.append(s('title', { id: 'metro-title' }, t('metroTitle')),
    s('desc', { id: 'metro-desc' }, `${t(by === 'provider' ? 'metroDescProvider' : 'metroDesc')} ${route.steps.length} ${t('units')}, `
      + `${lines.length} ${t('lines')}; ${t('goal')}: ${goalName}, ${t('finish')} ${route.finish}.`));

  // Column heads: the unit of each step, with its hours, once above all lines.
  const heads = s('g', { class: 'heads' });
  route.steps.forEach((step, k) => {
    const title = pick(step.learningUnit, 'title');
    const text = s('text', { x: colX(k), y: 14, 'text-anchor': 'middle', class: 'head' });
    wrap(`${k + 1}. ${title}`, 18, 3).forEach((part, i) => text.append(s('tspan', { x: colX(k), dy: i ? 13 : 0 }, part)));
    text.append(s('tspan', { x: colX(k), dy: 13, class: 'muted' }, `${step.hours} ${t('hours')}`));
    heads.append(s('line', { x1: colX(k), y1: 62, x2: colX(k), y2: height - 28, stroke: '#d5dae1', 'stroke-width': 1 }), text);
  });
  if (passCols && by !== 'provider') {
    heads.append(s('text', { x: passX(0) + (passCols - 1) * PASS_GAP / 2, y: HEADER + 2, 'text-anchor': 'middle', class: 'head' },
      t('alreadyCredited')));
  }
  heads.append(s('text', { x: termX + TERMINUS_W, y: height - 10, 'text-anchor': 'end', 'font-weight': 'bold' },
    `${t('goal')}: ${short(goalName, 48)}`));
  svg.append(heads);

  // Interchanges: a unit on several lines is one station spanning them.
  const rowsOfStep = route.steps.map((_, k) => lines.flatMap((l, i) => (l.steps.includes(k) ? [i] : [])));
  const interchanges = s('g', { class: 'interchanges' });
  rowsOfStep.forEach((rows, k) => {
    if (rows.length < 2) return;
    const top = rowY(Math.min(...rows)), bottom = rowY(Math.max(...rows));
    interchanges.append(s('rect', { x: colX(k) - 11, y: top - 11, width: 22, height: bottom - top + 22, rx: 11,
      fill: '#fff', stroke: '#1a1a1a', 'stroke-width': 2 }));
  });

  lines.forEach((l, i) => {
    const y = rowY(i), colour = l.key === 'credited' ? '#4a4a4a' : COLOURS[i % COLOURS.length];
    const g = s('g', { class: 'line', 'data-line': l.key });
    g.append(s('title', {}, l.name));
    g.append(s('text', { x: 6, y: y + 4, class: 'line-label' }, short(l.name, 27)));
    const start = l.credits.length ? passX(0) : colX(l.steps[0]);
    g.append(s('line', { x1: start, y1: y, x2: termX, y2: y, stroke: colour, 'stroke-width': 7, 'stroke-linecap': 'round' }));
    l.credits.forEach((c, k) => {
      const st = s('g', { class: 'station passed', 'data-credited-outcome': c.outcome.id });
      st.append(s('title', {}, `${t('alreadyCredited')}: ${pick(c.outcome, 'title')} (${t('level')} ${c.level})`),
        s('circle', { cx: passX(k), cy: y, r: 7, fill: '#9e9e9e', stroke: '#4a4a4a', 'stroke-width': 2 }));
      g.append(st);
    });
    svg.append(g);
  });
  svg.append(interchanges);
  // Stations are drawn after the interchanges so that their circles sit on top of the frame.
  lines.forEach((l, i) => {
    const y = rowY(i), colour = l.key === 'credited' ? '#4a4a4a' : COLOURS[i % COLOURS.length];
    const g = s('g', { class: 'stations', 'data-line': l.key });
    svg.append(g);
    for (const k of l.steps) {
      const step = route.steps[k], title = pick(step.learningUnit, 'title');
      const st = s('g', { class: 'station', 'data-unit-id': step.learningUnit.id, 'data-step': k + 1 });
      st.append(s('title', {}, `${k + 1}. ${title} (${step.hours} ${t('hours')}, ${step.start} – ${step.finish})`),
        s('circle', { cx: colX(k), cy: y, r: 9, fill: '#fff', stroke: colour, 'stroke-width': 4 }),
        s('text', { x: colX(k), y: y + 4, 'text-anchor': 'middle', class: 'station-number' }, String(k + 1)));
      g.append(st);
    }
  });
  const terminus = s('g', { class: 'station terminus', 'data-terminus': 'true' });
  terminus.append(s('title', {}, `${t('goal')}: ${goalName} (${route.finish})`),
    s('rect', { x: termX, y: rowY(0) - 14, width: TERMINUS_W, height: rowY(lines.length - 1) - rowY(0) + 28, rx: 4,
      fill: '#1a1a1a' }));
  svg.append(terminus);
  return Object.assign(document.createElement('div'), { className: 'metro' }).appendChild(svg).parentNode;
}

/** Start and finish of each step of a route as bars on one time axis, with the dates in text. */
export function timeline(route, { t, pick }) {
  const day = d => new Date(d + 'T00:00:00Z').getTime();
  const first = Math.min(...route.steps.map(x => day(x.start)));
  const last = Math.max(...route.steps.map(x => day(x.finish)));
  const span = Math.max(1, last - first);
  const box = document.createElement('div');
  box.className = 'timeline';
  box.id = 'timeline';
  for (const step of route.steps) {
    const row = document.createElement('div');
    row.className = 'tl-row';
    const label = document.createElement('span');
    label.textContent = `${pick(step.learningUnit, 'title')}: ${step.start} – ${step.finish}`;
    const track = document.createElement('div');
    track.className = 'tl-track';
    track.setAttribute('aria-hidden', 'true');
    const bar = document.createElement('div');
    bar.className = 'tl-bar';
    bar.style.left = (100 * (day(step.start) - first) / span) + '%';
    bar.style.width = Math.max(0.5, 100 * (day(step.finish) - day(step.start)) / span) + '%';
    track.append(bar);
    row.append(label, track);
    box.append(row);
  }
  return box;
}
