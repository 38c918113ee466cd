// The route as a metro map (inline SVG): one line per route, stations = units in order,
// what is already credited as the station passed at the start, the goal as the terminus.
const SVG = 'http://www.w3.org/2000/svg';
const COLOURS = ['#0b5394', '#6a1b9a', '#8a4b00'];
const GAP = 150, TOP = 50, ROW = 95, LEFT = 70;

function s(tag, attrs = {}, text) {
  const el = document.createElementNS(SVG, tag);
  for (const [k, v] of Object.entries(attrs)) el.setAttribute(k, v);
  if (text !== undefined) el.textContent = text;
  return el;
}
const short = (text, n = 22) => text.length > n ? text.slice(0, n - 1) + '…' : text;

function station(g, x, y, colour, label, title, below, attrs = {}, passed = false, terminus = false) {
  const st = s('g', { class: 'station', ...attrs });
  st.append(s('title', {}, title));
  st.append(terminus ? s('rect', { x: x - 10, y: y - 10, width: 20, height: 20, fill: colour, stroke: '#1a1a1a', 'stroke-width': 2 })
    : s('circle', { cx: x, cy: y, r: 9, fill: passed ? '#9e9e9e' : '#fff', stroke: passed ? '#4a4a4a' : colour, 'stroke-width': 4 }));
  st.append(s('text', { x: terminus ? x + 10 : x, y: below ? y + 28 : y - 18, 'text-anchor': terminus ? 'end' : 'middle',
    class: 'station-label' }, short(label, terminus ? 40 : 22)));
  g.append(st);
}

export function metroMap(routes, credits, goalName, { t, pick }) {
  const longest = Math.max(...routes.map(r => r.steps.length));
  const width = LEFT + GAP * (longest + 1) + 80;
  const height = TOP + ROW * routes.length;
  const svg = s('svg', { id: 'metro-map', role: 'img', 'aria-labelledby': 'metro-title metro-desc', width, height, viewBox: `0 0 ${width} ${height}` });
  svg.append(s('title', { id: 'metro-title' }, t('metroTitle')), s('desc', { id: 'metro-desc' }, t('metroDesc')));
  routes.forEach((route, i) => {
    const y = TOP + ROW * i, colour = COLOURS[i % COLOURS.length];
    const g = s('g', { class: 'line', 'data-route': i === 0 ? 'best' : 'alternative-' + i });
    const xEnd = LEFT + GAP * (route.steps.length + 1);
    g.append(s('text', { x: 4, y: y + 4, 'font-weight': 'bold' }, i === 0 ? 'A' : String.fromCharCode(65 + i)));
    g.append(s('line', { x1: LEFT, y1: y, x2: xEnd, y2: y, stroke: colour, 'stroke-width': 8, 'stroke-linecap': 'round' }));
    const creditedTitle = credits.map(c => pick(c.outcome, 'title')).join('; ');
    station(g, LEFT, y, colour, `${t('alreadyCredited')} (${credits.length})`, creditedTitle || t('noCredits'), false,
      { 'data-credited': credits.length }, true);
    route.steps.forEach((step, k) => {
      const title = pick(step.learningUnit, 'title');
      station(g, LEFT + GAP * (k + 1), y, colour, title, `${k + 1}. ${title} (${step.hours} ${t('hours')}, ${step.start} – ${step.finish})`,
        k % 2 === 0, { 'data-unit-id': step.learningUnit.id, 'data-step': k + 1 });
    });
    station(g, xEnd, y, colour, `${t('goal')}: ${goalName}`, `${t('goal')}: ${goalName} (${route.finish})`, route.steps.length % 2 === 0,
      { 'data-terminus': 'true' }, false, true);
    svg.append(g);
  });
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
