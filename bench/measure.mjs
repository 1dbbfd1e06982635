// Statistics and the results table shared by the benchmarks.

export function percentile(samples, p) {
  const sorted = [...samples].sort((a, b) => a - b);
  const i = Math.min(sorted.length - 1, Math.max(0, Math.ceil((p / 100) * sorted.length) - 1));
  return sorted[i];
}

export const median = (samples) => percentile(samples, 50);

export const ms = (v) => (v >= 100 ? `${v.toFixed(0)} ms` : v >= 10 ? `${v.toFixed(1)} ms` : `${v.toFixed(2)} ms`);
export const mb = (bytes) => `${(bytes / 1024 / 1024).toFixed(0)} MB`;

/**
 * One row of the table. `limit` is the goal as a number compared with `compare` (the ratio or the
 * value itself); `goal` is how the goal reads.
 */
export function row({ figure, value, reference, ratio, compare, limit, goal, note }) {
  const measured = compare ?? ratio;
  return { figure, value, reference: reference ?? '—', ratio: ratio === undefined ? '—' : `${ratio.toFixed(2)}×`, goal,
    result: measured === undefined || Number.isNaN(measured) ? 'n/a' : measured <= limit ? 'pass' : 'FAIL', note };
}

export function skipped(figure, goal, why) {
  return { figure, value: '—', reference: '—', ratio: '—', goal, result: 'skipped', note: why };
}

const COLUMNS = [['figure', 'Figure'], ['value', 'Value'], ['reference', 'Reference'], ['ratio', 'Ratio'], ['goal', 'Goal'], ['result', 'Result']];

export function textTable(rows) {
  const widths = COLUMNS.map(([k, h]) => Math.max(h.length, ...rows.map((r) => String(r[k]).length)));
  const line = (cells) => cells.map((c, i) => String(c).padEnd(widths[i])).join('  ').trimEnd();
  const out = [line(COLUMNS.map(([, h]) => h)), line(widths.map((w) => '-'.repeat(w)))];
  for (const r of rows) out.push(line(COLUMNS.map(([k]) => r[k])));
  const notes = rows.filter((r) => r.note).map((r) => `  ${r.figure}: ${r.note}`);
  return [...out, ...(notes.length ? ['', 'Notes:', ...notes] : [])].join('\n');
}

export function markdownTable(rows) {
  const out = [`| ${COLUMNS.map(([, h]) => h).join(' | ')} |`, `|${COLUMNS.map(() => '---').join('|')}|`];
  for (const r of rows) out.push(`| ${COLUMNS.map(([k]) => String(r[k]).replace(/\|/g, '\\|')).join(' | ')} |`);
  return out.join('\n');
}
