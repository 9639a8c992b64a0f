import { readFileSync, writeFileSync } from 'node:fs';
import { renderMarkdown } from '../bench/scale/report.ts';
const r = JSON.parse(readFileSync('bench/results/scale.json', 'utf8'));
let md = renderMarkdown(r);
if (r.remeasured) md = md.replace('## Size', `> ${r.remeasured.note}\n\n## Size`);
writeFileSync('bench/results/scale.md', md);
