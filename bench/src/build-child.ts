// Runs one buildSite in its own process, so that its peak memory can be read: `node build-child.ts DIR`.
import process from 'node:process';
import { buildSite } from '@alphanode/site/node';

const summary = await buildSite({ patterns: 'content/*.txt', cwd: process.argv[2] as string, outDir: 'dist' });
process.stdout.write(JSON.stringify({ ms: summary.ms, built: summary.built, unchanged: summary.unchanged, written: summary.written.length, rssMb: Math.round(process.resourceUsage().maxRSS / 1024) }));
