// A review repository with long teams, written by the tests that use it:
// every list a generated slide shows has 60 items (goals, check-ins, key
// results, KPIs, actions, highlights, workflows, new hires, anniversaries),
// and, in the second quarter, a narrative slide is far too long. Each item's text is unique
// (`… item N of LIST`), so a test can find every one of them on a slide.
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
  return out;
}

/// Write the long repository into `dir` (the content folder).
export function writeLong(dir) {
  const w = (rel, text) => { fs.mkdirSync(path.dirname(path.join(dir, rel)), { recursive: true }); fs.writeFileSync(path.join(dir, rel), text); };
  w('site.yaml', 'organisation: Long Org\ntitle: Long reviews\nfiscal_year_start_month: 7\n');
  w('people.yaml', 'people:\n'
    + range(N, (i) => `  - name: New Hire ${i + 1}\n    team: Team ${String.fromCharCode(65 + (i % 3))}\n    start: 2020-08-${String(1 + (i % 28)).padStart(2, '0')}\n`)
    + range(N, (i) => `  - name: Long Timer ${i + 1}\n    team: Old Team\n    start: ${2010 + (i % 4) * 2}-09-${String(1 + (i % 28)).padStart(2, '0')}\n`));
  w('quarters/fy20-21-q1/quarter.yaml', `fiscal_year: 2020\nquarter: 1\ntitle: Long review\nsections: [security]\nhighlights:\n`
    + `  wins:\n${range(N, (i) => `    - team: Team ${i % 5}\n      text: ${q(words('win', i))}\n`)}`
    + `  challenges:\n${range(N, (i) => `    - ${q(words('challenge', i))}\n`)}`
    + `  upcoming:\n${range(N, (i) => `    - ${q(words('upcoming', i))}\n`)}`
    + `  successes:\n${range(N, (i) => `    - ${q(words('success', i))}\n`)}`
    + `  misses:\n${range(N, (i) => `    - ${q(words('miss', i))}\n`)}`
    + `  workflows:\n${range(N, (i) => `    - category: Category ${i % 7}\n      workflow: ${q(words('workflow', i))}\n      type: ${['new', 'reactive', 'maintenance'][i % 3]}\n`)}`);
  // The narrative slide that is too long is in a quarter of its own: the
  // build warns about it and cannot split it.
  w('quarters/fy20-21-q2/quarter.yaml', 'fiscal_year: 2020\nquarter: 2\ntitle: Long story\ndeck:\n  - title\n  - narrative: long\n');
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
  return dir;
}
