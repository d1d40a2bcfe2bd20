import type { LatencyStats, VerifyReport } from '@alphanode/cache-rules/verify';

/** Columns padded to their widest cell; every cell cut to `max` characters so one long value cannot wreck the table. */
export function table(rows: readonly (readonly string[])[], max = 60): string {
  const cut = rows.map((row) => row.map((cell) => (cell.length > max ? `${cell.slice(0, max - 1)}…` : cell)));
  const widths = (cut[0] ?? []).map((_, i) => Math.max(...cut.map((row) => (row[i] ?? '').length)));
  return cut.map((row) => row.map((cell, i) => cell.padEnd(widths[i] ?? 0)).join('  ').trimEnd()).join('\n');
}

const ms = (n: number) => `${n.toFixed(1)} ms`;
const latencyRow = (name: string, s: LatencyStats) => [name, String(s.count), ms(s.p50), ms(s.p95), ms(s.p99), String(s.bytes.p50)];

/** The report as the terminal shows it: what failed first, then latency, the purge and the rules' diff. */
export function formatVerifyReport(report: VerifyReport, restore: string | undefined): string {
  const out: string[] = [];
  const pages = report.sample.length;
  out.push(`alphanode verify ${report.base} (target ${report.target}): ${pages} URLs, ${report.requests} requests in ${(report.ms / 1000).toFixed(1)} s`);
  if (report.drifts.length > 0) {
    out.push('', `DRIFT: ${report.drifts.length} header${report.drifts.length === 1 ? '' : 's'} differ from the rules`);
    out.push(table([['URL', 'visitor', 'rule', 'header', 'expected', 'actual'], ...report.drifts.map((d) => [d.url, d.visitor, d.rule ?? '(none)', d.header, d.expected || '(none)', d.actual || '(none)'])]));
  }
  if (report.leaks.length > 0) {
    out.push('', `LEAK: ${report.leaks.length} logged-in response${report.leaks.length === 1 ? '' : 's'} handled as anonymous`);
    out.push(table([['URL', 'visitor', 'rule', 'code', 'what happened'], ...report.leaks.map((l) => [l.url, l.visitor, l.rule ?? '(none)', l.code, l.message])], 120));
  }
  out.push('', table([['status', 'count', 'p50', 'p95', 'p99', 'bytes p50'], ...Object.entries(report.latency.byStatus).map(([name, s]) => latencyRow(name, s)), latencyRow('all', report.latency.all)]));
  if (report.purge) {
    out.push('', `purge: ${report.purge.ok ? 'evicted its plan and nothing else' : 'FAILED'}`);
    out.push(table([['URL', 'role', 'warm', 'after', 'ok'], ...report.purge.urls.map((u) => [u.url, u.role, u.warm, u.after ?? '-', u.ok === undefined ? 'not judged' : u.ok ? 'yes' : 'NO'])]));
  }
  if (report.rollback) {
    out.push('', `rules diff against --previous-rules: ${report.rollback.changes.length} sampled URL${report.rollback.changes.length === 1 ? '' : 's'} change`);
    for (const change of report.rollback.changes) out.push(`  ${change.url}`, ...change.changes.map((line) => `      ${line}`));
    if (restore !== undefined) out.push('', 'to roll back:', `  ${restore}`);
  }
  for (const notice of report.notices) out.push(`note ${notice.code}: ${notice.message}`);
  out.push('', report.ok ? 'ok: no drift, no leak' : `FAILED: ${report.drifts.length} drift, ${report.leaks.length} leak${report.purge && !report.purge.ok ? ', purge' : ''}`);
  return `${out.join('\n')}\n`;
}
