// A review repository with long teams, written by the tests that use it:
// every list a generated slide shows has 60 items (goals, check-ins, key
// results, KPIs, actions, highlights, workflows, new hires, anniversaries),
// and, in the second quarter, a narrative slide is far too long. Each item's text is unique
// (`… item N of LIST`), so a test can find every one of them on a slide.
//
// The goals-page material of docs/recording-reviews.md, written as
// docs/content-format.md documents it, is there at length too: 60 plain
// goals of one objective (most without a status), a team check-in of 60
// items under several headings (one of them empty), a data table of 60
// rows with column groups and row notes, six sub-teams (`part_of`) with
// goals and two check-ins each (so the department's totals have many
// rows), KPIs whose value is words, the repository's own status words
// (`statuses:`), and an objective with a very long title and 30 struck
// measures. The department and its sub-teams state their sizes and time
// splits in two quarters, as oddly as reviews do (a size in words, shares
// that do not add up to 100, categories that change, a quarter that
// states neither), for their team pages' charts.
import fs from 'node:fs';
import path from 'node:path';

export const N = 60;
const statuses = ['done', 'on-track', 'in-progress', 'partial', 'at-risk', 'blocked', 'postponed', 'not-started', 'missed', 'cancelled'];
const q = (s) => JSON.stringify(s);
const words = (list, i) => `Long ${list} item ${i + 1} with a sentence that runs to the length a real team writes.`;
const range = (n, f) => Array.from({ length: n }, (_, i) => f(i)).join('');

/// Every item text the fixture's slides must show, by list.
export function longItems() {
  const lists = ['measure', 'checkin', 'action', 'challenge', 'upcoming', 'success', 'miss', 'win', 'workflow',
    'section-success', 'section-miss', 'section-win', 'section-challenge', 'section-upcoming', 'section-workflow'];
  const out = {};
  for (const l of lists) out[l] = Array.from({ length: N }, (_, i) => words(l, i));
  out.kpi = Array.from({ length: N }, (_, i) => `KPI number ${i + 1}`);
  out.kr = Array.from({ length: N }, (_, i) => `Key result number ${i + 1}`);
  out.hire = Array.from({ length: N }, (_, i) => `New Hire ${i + 1}`);
  out.anniversary = Array.from({ length: N }, (_, i) => `Long Timer ${i + 1}`);
  out.objective = Array.from({ length: 24 }, (_, i) => `Goal ${i + 1} of the team`);
  out.goal = Array.from({ length: N }, (_, i) => goalText(i));
  out['checkin-item'] = Array.from({ length: N }, (_, i) => words('check-in', i));
  out['checkin-note'] = Array.from({ length: N }, (_, i) => i % 4 === 0 ? `Note on check-in item ${i + 1}.` : '').filter(Boolean);
  out['table-row'] = Array.from({ length: N }, (_, i) => `Audience ${i + 1}`);
  out['table-note'] = ['The table counts every audience, the smallest last.'];
  out.struck = Array.from({ length: 30 }, (_, i) => words('struck', i));
  out['kpi-words'] = kpiWords;
  out.subteam = SUBTEAMS.map((t) => `Product › ${t}`);
  out['subteam-goal'] = SUBTEAMS.flatMap((t, k) => Array.from({ length: 5 }, (_, i) => `Goal ${i + 1} of ${t}`));
  out['subteam-checkin'] = SUBTEAMS.flatMap((t) => [1, 2].flatMap((c) => Array.from({ length: 3 }, (_, i) => `Item ${i + 1} of check-in ${c} of ${t}`)));
  return out;
}

// The goals-page material (see the comment at the top).
const SUBTEAMS = ['Web', 'Apps', 'Search', 'Editing', 'Growth with a team name as long as a real one gets', 'Analytics'];
const kpiWords = ['(withheld)', 'not defined yet, because the team is still agreeing on what to measure', 'no data for this quarter'];
const LONG_TITLE = 'Make every public interface of the platform discoverable, documented and supported by a named team, with a deprecation policy that communities can rely on for years';
const goalText = (i) => words('goal', i) + (i % 7 === 3 ? ' It goes on for a second sentence, as the goals of a real page sometimes do, naming the parts of the work.' : '');
const custom = ['To do', 'Partly done', 'Not finished.', 'Slipping to next quarter'];

function goalsPage(w) {
  const goal = (i) => {
    let g = `      - id: g${i + 1}\n        text: ${q(goalText(i))}\n`;
    // Most goals on a goals page have no status.
    if (i % 3 === 0) g += `        status: ${q(i % 2 ? custom[i % custom.length] : statuses[i % statuses.length])}\n`;
    if (i % 4 === 1) g += `        owner: ${q(`Owner ${i + 1} and the team around them`)}\n`;
    if (i % 9 === 2) g += '        stretch: true\n';
    if (i % 5 === 2) g += `        tasks: [T${10000 + i}, T${20000 + i}]\n`;
    if (i % 6 === 4) g += `        note: ${q(`A note on goal ${i + 1}: what was agreed, and with whom.`)}\n`;
    if (i % 8 === 5) g += `        depends_on: ${q('Release Engineering and Site Reliability')}\n`;
    return g;
  };
  // 60 check-in items under five headings; "Done" has none.
  const heads = [['done', 0], ['in progress', 20], ['To do', 15], ['Partly done', 10], [null, 15]];
  let at = 0;
  const groups = heads.map(([status, n]) => {
    let g = status ? `      - status: ${q(status)}\n` : '      - items:\n';
    if (n && status) g += '        items:\n';
    for (let k = 0; k < n; k++, at++) {
      g += `          - text: ${q(words('check-in', at))}\n`;
      if (at % 3 === 1) g += `            goal: g${at + 1}\n`;
      if (at % 4 === 0) g += `            note: ${q(`Note on check-in item ${at + 1}.`)}\n`;
    }
    return g;
  }).join('');
  const cells = (i) => `[${q(`Audience ${i + 1}`)}, ${100 + i * 7}, ${i % 11 === 5 ? q('(withheld)') : 120 + i * 9}, ${i % 2}, ${i % 13 === 0 ? q('') : 3 + (i % 5)}]`;
  w('quarters/fy20-21-q1/sections/advocacy.yaml', `title: Developer Advocacy
kind: Team
owner: Birgit Example
kpis:
${kpiWords.map((t, i) => `  - id: words-${i + 1}\n    name: ${q(`KPI in words ${i + 1}`)}\n    value_text: ${q(t)}\n`).join('')}objectives:
  - id: toolhub
    title: Toolhub
    description: Communities find the tools that they need, whichever wiki they work on.
    goals:
${range(N, goal)}  - id: long-title
    title: ${q(LONG_TITLE)}
    status: Slipping to next quarter
    measures:
      - The interfaces are listed in one place.
    struck_measures:
${range(30, (i) => `      - ${q(words('struck', i))}\n`)}checkins:
  - date: 2020-08-28
    title: August 28 status
    groups:
${groups}tables:
  - id: api-usage
    title: API usage by audience
    columns:
      - name: Audience
      - {name: Q4, group: Requests per second, unit: req/s}
      - {name: Q1, group: Requests per second, unit: req/s}
      - {name: Bots, group: Share}
      - {name: Regions}
    rows:
${range(N, (i) => `      - cells: ${cells(i)}\n` + (i % 6 === 2 ? `        note: ${q(`Row note ${i + 1}: counted from the logs.`)}\n` : ''))}    note: The table counts every audience, the smallest last.
`);
  w('quarters/fy20-21-q1/sections/product.yaml', 'title: Product\nowner: Director One\nowners: [Director Two]\n'
    + 'fte: 42.5\ntime_split: {focus: 50, strengthen: 30, experiment: 15, maintenance: 5}\n');
  // Q2: the department in words, shares short of 100 and new categories.
  w('quarters/fy20-21-q2/sections/product.yaml', 'title: Product\nowner: Director One\n'
    + 'fte_text: 40 + 6 from other teams\ntime_split: {focus: 45, interrupts and support: 25, maintenance: 20}\n');
  w('quarters/fy20-21-q2/sections/product-1.yaml', `title: ${q(SUBTEAMS[0])}\npart_of: product\nowner: Lead 1\n`);
  SUBTEAMS.forEach((t, k) => {
    const checkin = (c) => `  - date: 2020-0${7 + c}-1${k}\n    title: ${q(`Status ${c} of ${t}`)}\n    groups:\n`
      + [0, 1, 2].map((i) => `      - status: ${q([...statuses, ...custom][(k + c + i * 3) % 14])}\n        items:\n          - text: ${q(`Item ${i + 1} of check-in ${c} of ${t}`)}\n`).join('');
    w(`quarters/fy20-21-q1/sections/product-${k + 1}.yaml`, `title: ${q(t)}\npart_of: product\nowner: Lead ${k + 1}\n`
      + (k === 0 ? 'fte: 6.5\ntime_split: {focus: 70, maintenance: 30}\n' : '')
      + `objectives:\n  - id: product-${k + 1}-goals\n    title: ${q(`Goals of ${t}`)}\n    goals:\n`
      + range(5, (i) => `      - text: ${q(`Goal ${i + 1} of ${t}`)}\n` + ((i + k) % 3 ? `        status: ${q([...statuses, ...custom][(i * 5 + k) % 14])}\n` : ''))
      + `checkins:\n${checkin(1)}${checkin(2)}`);
  });
}

/// Write the long repository into `dir` (the content folder).
export function writeLong(dir) {
  const w = (rel, text) => { fs.mkdirSync(path.dirname(path.join(dir, rel)), { recursive: true }); fs.writeFileSync(path.join(dir, rel), text); };
  w('site.yaml', 'organisation: Long Org\ntitle: Long reviews\nfiscal_year_start_month: 7\n'
    + `statuses:\n  To do: not-started\n  Partly done: partial\n  Not finished.: missed\n  Slipping to next quarter: postponed\n`);
  w('people.yaml', 'people:\n'
    + range(N, (i) => `  - name: New Hire ${i + 1}\n    team: Team ${String.fromCharCode(65 + (i % 3))}\n    start: 2020-08-${String(1 + (i % 28)).padStart(2, '0')}\n`)
    + range(N, (i) => `  - name: Long Timer ${i + 1}\n    team: Old Team\n    start: ${2010 + (i % 4) * 2}-09-${String(1 + (i % 28)).padStart(2, '0')}\n`));
  w('quarters/fy20-21-q1/quarter.yaml', `fiscal_year: 2020\nquarter: 1\ntitle: Long review\nsections: [security, advocacy, product, ${SUBTEAMS.map((_, k) => `product-${k + 1}`).join(', ')}]\nhighlights:\n`
    + `  wins:\n${range(N, (i) => `    - team: Team ${i % 5}\n      text: ${q(words('win', i))}\n`)}`
    + `  challenges:\n${range(N, (i) => `    - ${q(words('challenge', i))}\n`)}`
    + `  upcoming:\n${range(N, (i) => `    - ${q(words('upcoming', i))}\n`)}`
    + `  successes:\n${range(N, (i) => `    - ${q(words('success', i))}\n`)}`
    + `  misses:\n${range(N, (i) => `    - ${q(words('miss', i))}\n`)}`
    + `  workflows:\n${range(N, (i) => `    - category: Category ${i % 7}\n      workflow: ${q(words('workflow', i))}\n      type: ${['new', 'reactive', 'maintenance'][i % 3]}\n`)}`);
  // The narrative slide that is too long is in a quarter of its own: the
  // build warns about it and cannot split it.
  w('quarters/fy20-21-q2/quarter.yaml', 'fiscal_year: 2020\nquarter: 2\ntitle: Long story\nsections: [product, product-1]\ndeck:\n  - title\n  - narrative: long\n');
  w('quarters/fy20-21-q2/narrative/long.md', '# A long narrative slide {#long-story}\n\n'
    + range(12, (i) => `Paragraph ${i + 1} of a slide that says far too much for one frame, at length, again and again.\n\n`)
    + '## Where to split\n\n' + range(12, (i) => `- Point ${i + 1} that also takes a line of its own on the slide\n`));
  const objectives = range(24, (i) => `  - id: goal-${i + 1}\n    title: ${q(`Goal ${i + 1} of the team`)}\n    status: ${statuses[i % statuses.length]}\n`
    + (i === 0
      ? `    description: The first goal, with everything.\n    measures:\n${range(N, (j) => `      - ${q(words('measure', j))}\n`)}`
        + `    checkins:\n${range(N, (j) => `      - date: 2020-${String(7 + (j % 3)).padStart(2, '0')}-${String(1 + (j % 28)).padStart(2, '0')}\n        status: ${statuses[j % statuses.length]}\n        note: ${q(words('checkin', j))}\n`)}`
        + `    key_results:\n${range(N, (j) => `      - id: kr${j + 1}\n        title: ${q(`Key result number ${j + 1}`)}\n        baseline: ${j}\n        target: ${j + 10}\n        value: ${j + 5}\n        status: on-track\n`)}`
      : ''));
  w('quarters/fy20-21-q1/sections/security.yaml', `title: Security\nowner: Sam Owner\nprogress: A quarter of long lists.\n`
    + `actions:\n${range(N, (i) => `  - ${q(words('action', i))}\n`)}`
    + `kpis:\n${range(N, (i) => `  - id: kpi-${i + 1}\n    name: ${q(`KPI number ${i + 1}`)}\n    unit: ms\n    value: ${100 + i}\n    previous: ${90 + i}\n`)}`
    + `objectives:\n${objectives}`
    + `highlights:\n`
    + `  successes:\n${range(N, (i) => `    - ${q(words('section-success', i))}\n`)}`
    + `  misses:\n${range(N, (i) => `    - ${q(words('section-miss', i))}\n`)}`
    + `  wins:\n${range(N, (i) => `    - team: Team ${i % 5}\n      text: ${q(words('section-win', i))}\n`)}`
    + `  challenges:\n${range(N, (i) => `    - ${q(words('section-challenge', i))}\n`)}`
    + `  upcoming:\n${range(N, (i) => `    - ${q(words('section-upcoming', i))}\n`)}`
    + `  workflows:\n${range(N, (i) => `    - category: Category ${i % 7}\n      workflow: ${q(words('section-workflow', i))}\n      type: new\n`)}`);
  goalsPage(w);
  return dir;
}
