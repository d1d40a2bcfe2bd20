import { describe, expect, it } from 'vitest';
import type { VerifyReport } from '@alphanode/cache-rules/verify';
import { verifyReportHtml } from './verify-html.ts';

const stats = { count: 2, p50: 1, p95: 2, p99: 3, bytes: { p50: 10, total: 20 } };
const hostile = '"><script>alert(1)</script><img src=//evil.example/x>';

describe('verifyReportHtml', () => {
  it('escapes every value from the network and links to nothing', () => {
    const report = {
      ok: false, base: 'http://site.test/', target: 'varnish', sample: [], purge: undefined, rollback: undefined, notices: [], requests: 4, ms: 10, observations: [],
      drifts: [{ url: `/x${hostile}`, visitor: 'anonymous', rule: 'r', header: 'Cache-Control', expected: 'max-age=1', actual: hostile }],
      leaks: [{ url: '/y', visitor: 'cookie', rule: 'r', code: 'served-from-cache', message: hostile }],
      latency: { all: stats, byStatus: { hit: stats, miss: stats } },
    } as VerifyReport;
    const html = verifyReportHtml(report, undefined);
    expect(html).not.toContain('<script');
    expect(html).not.toContain('<img');
    expect(html).toContain('&lt;script&gt;alert(1)&lt;/script&gt;');
    expect(html).toContain('<svg');
    expect(html.match(/<[^>]*\s(?:src|href)=/g)).toBeNull();
  });
});
