import type { LatencyStats, VerifyReport } from '@alphanode/cache-rules/verify';
import { escapeHtml } from '@alphanode/renderer';

const e = (value: unknown): string => escapeHtml(String(value));

function rows(head: readonly string[], body: readonly (readonly unknown[])[]): string {
  if (body.length === 0) return '<p>None.</p>';
  return `<table><thead><tr>${head.map((h) => `<th>${e(h)}</th>`).join('')}</tr></thead><tbody>${body.map((row) => `<tr>${row.map((cell) => `<td>${e(cell)}</td>`).join('')}</tr>`).join('')}</tbody></table>`;
}

/** Grouped bars of p50, p95 and p99 by cache status, as inline SVG: the report requests nothing. */
function chart(byStatus: Partial<Record<string, LatencyStats>>): string {
  const groups = Object.entries(byStatus).filter((entry): entry is [string, LatencyStats] => entry[1] !== undefined);
  const max = Math.max(1, ...groups.map(([, s]) => s.p99));
  const barWidth = 22;
  const groupWidth = barWidth * 3 + 30;
  const height = 200;
  const colours = ['#4c78a8', '#f58518', '#e45756'];
  const bars = groups.map(([name, s], g) => {
    const x0 = 50 + g * groupWidth;
    const rects = [s.p50, s.p95, s.p99].map((value, i) => {
      const h = Math.max(1, (value / max) * (height - 40));
      return `<rect x="${x0 + i * barWidth}" y="${height - 20 - h}" width="${barWidth - 4}" height="${h}" fill="${colours[i]}"><title>${e(`${name} p${[50, 95, 99][i]}: ${value} ms`)}</title></rect>`;
    });
    return `${rects.join('')}<text x="${x0 + barWidth * 1.5}" y="${height - 5}" text-anchor="middle">${e(`${name} (${s.count})`)}</text>`;
  });
  const width = 60 + Math.max(1, groups.length) * groupWidth;
  const legend = ['p50', 'p95', 'p99'].map((label, i) => `<rect x="${width - 150 + i * 48}" y="4" width="10" height="10" fill="${colours[i]}"/><text x="${width - 136 + i * 48}" y="13">${label}</text>`).join('');
  return `<svg xmlns="http://www.w3.org/2000/svg" role="img" aria-label="latency by cache status" width="${width}" height="${height}" viewBox="0 0 ${width} ${height}" font-size="11" font-family="sans-serif"><text x="4" y="13">${e(`${max} ms`)}</text><line x1="45" y1="${height - 20}" x2="${width}" y2="${height - 20}" stroke="#999"/>${legend}${bars.join('')}</svg>`;
}

/**
 * The report as one self-contained HTML file: no script, no stylesheet or image link, and a CSP
 * that forbids loading anything, so opening it makes no request. Everything that came from the
 * network (URLs, header values) is escaped.
 */
export function verifyReportHtml(report: VerifyReport, restore: string | undefined): string {
  const stat = Object.entries(report.latency.byStatus).map(([name, s]) => [name, s.count, s.p50, s.p95, s.p99, s.bytes.p50]);
  const purge = report.purge
    ? `<h2>Purge: ${report.purge.ok ? 'held' : 'FAILED'}</h2>${rows(['URL', 'role', 'warm', 'after', 'ok'], report.purge.urls.map((u) => [u.url, u.role, u.warm, u.after ?? '-', u.ok === undefined ? 'not judged' : u.ok ? 'yes' : 'NO']))}`
    : '';
  const rollback = report.rollback
    ? `<h2>Rules diff against the previous rules</h2>${rows(['URL', 'before', 'after', 'changes'], report.rollback.changes.map((c) => [c.url, c.before ?? '(none)', c.after ?? '(none)', c.changes.join('; ')]))}${restore === undefined ? '' : `<p>To roll back: <code>${e(restore)}</code></p>`}`
    : '';
  return `<!DOCTYPE html>
<html lang="en"><head><meta charset="utf-8">
<meta http-equiv="Content-Security-Policy" content="default-src 'none'; style-src 'unsafe-inline'; img-src data:">
<meta name="viewport" content="width=device-width, initial-scale=1">
<title>${e(`alphanode verify ${report.base}`)}</title>
<style>body{font:14px/1.4 system-ui,sans-serif;margin:2rem;color:#222}table{border-collapse:collapse;margin:.5rem 0 1.5rem}td,th{border:1px solid #ccc;padding:.2rem .5rem;text-align:left;vertical-align:top;word-break:break-all}.ok{color:#176a21}.bad{color:#b00020}</style>
</head><body>
<h1>alphanode verify <code>${e(report.base)}</code></h1>
<p class="${report.ok ? 'ok' : 'bad'}"><strong>${report.ok ? 'OK: no drift, no leak' : `FAILED: ${report.drifts.length} drift, ${report.leaks.length} leak`}</strong>. Target ${e(report.target)}, ${report.sample.length} URLs, ${report.requests} requests in ${e((report.ms / 1000).toFixed(1))} s.</p>
<h2>Latency by cache status (ms)</h2>
${chart(report.latency.byStatus)}
${rows(['status', 'count', 'p50', 'p95', 'p99', 'bytes p50'], stat)}
<h2>Header drift</h2>
${rows(['URL', 'visitor', 'rule', 'header', 'expected', 'actual'], report.drifts.map((d) => [d.url, d.visitor, d.rule ?? '(none)', d.header, d.expected, d.actual]))}
<h2>Logged-in leaks</h2>
${rows(['URL', 'visitor', 'rule', 'code', 'what happened'], report.leaks.map((l) => [l.url, l.visitor, l.rule ?? '(none)', l.code, l.message]))}
${purge}${rollback}
<h2>Notices</h2>
${rows(['code', 'message'], report.notices.map((n) => [n.code, n.message]))}
</body></html>
`;
}
