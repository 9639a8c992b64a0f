import { readFileSync, writeFileSync } from 'node:fs';
import { renderMarkdown } from '../bench/scale/report.ts';
const r = JSON.parse(readFileSync('bench/results/scale.json', 'utf8'));
if (r.gatedVsBare?.queriesPerRequest && r.gatedVsBare.queriesPerRequest.bare === 0) delete r.gatedVsBare.queriesPerRequest;
writeFileSync('bench/results/scale.json', JSON.stringify(r, null, 2) + '\n');
writeFileSync('bench/results/scale.md', renderMarkdown(r));
