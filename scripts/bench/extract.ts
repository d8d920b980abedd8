/**
 * `npm run bench:extract`: how long report extraction takes, for reports of 1, 10 and 100 pages (about
 * 3,000 characters a page) made from the development set's texts. The first run of each size is timed
 * cold (a new gazetteer, as when the review screen first opens); then 15 warm runs give p50 and p95.
 * Writes bench/extract.json and bench/EXTRACT.md. Not part of `npm test`: nothing here is asserted.
 */
import { readFileSync, readdirSync, writeFileSync } from 'node:fs';
import { cpus, loadavg } from 'node:os';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { extractFigures } from '../../src/extract/extract.ts';
import { gazetteerFromCsv } from '../../src/extract/gazetteer.ts';

const ROOT = resolve(dirname(fileURLToPath(import.meta.url)), '../..');
const DEV = join(ROOT, 'tests', 'fixtures', 'extract', 'dev');
const PAGE_CHARS = 3000;
const WARM_RUNS = 15;

const csv = (name: string) => readFileSync(join(ROOT, 'data', 'units', name), 'utf8');
// Each report without its related-news list: the extractor stops reading at the first such list past
// the first third of a text, which in reports joined end to end would end the reading early.
const RELATED =
	/^[ \t]*(?:tin\s+liên\s+quan|tin\s+cùng\s+chuyên\s+mục|các\s+tin\s+khác|tin\s+khác|bài\s+viết\s+liên\s+quan|xem\s+thêm|đọc\s+thêm|tin\s+mới\s+nhất)/imu;
const texts = readdirSync(DEV)
	.filter((n) => n.endsWith('.txt'))
	.sort()
	.map((n) => readFileSync(join(DEV, n), 'utf8'))
	.map((t) => {
		const cut = RELATED.exec(t);
		return cut ? t.slice(0, cut.index) : t;
	});

function report(pages: number): string {
	const parts: string[] = [];
	let length = 0;
	for (let i = 0; length < pages * PAGE_CHARS; i++) {
		const t = texts[i % texts.length]!;
		parts.push(t);
		length += t.length + 2;
	}
	return parts.join('\n\n');
}

const quantile = (sorted: number[], q: number) =>
	sorted[Math.min(sorted.length - 1, Math.floor(q * sorted.length))]!;

interface Row {
	pages: number;
	chars: number;
	figures: number;
	coldMs: number;
	p50Ms: number;
	p95Ms: number;
}

const rows: Row[] = [];
for (const pages of [1, 10, 100]) {
	const text = report(pages);
	// A new units array is a new gazetteer: the cold run pays for building it, as the browser does once.
	const units = gazetteerFromCsv(csv('units_2023.csv'), csv('units_2025.csv'));
	let t = performance.now();
	const first = extractFigures(text, { units, date: '2024-01-15' });
	const coldMs = performance.now() - t;
	const warm: number[] = [];
	for (let r = 0; r < WARM_RUNS; r++) {
		t = performance.now();
		extractFigures(text, { units, date: '2024-01-15' });
		warm.push(performance.now() - t);
	}
	warm.sort((a, b) => a - b);
	rows.push({
		pages,
		chars: text.length,
		figures: first.figures.length,
		coldMs,
		p50Ms: quantile(warm, 0.5),
		p95Ms: quantile(warm, 0.95),
	});
	console.log(
		`[bench:extract] ${pages} pages: cold ${coldMs.toFixed(0)} ms, p50 ${quantile(warm, 0.5).toFixed(0)} ms`,
	);
}

const fmt = (n: number) => n.toLocaleString('en-GB', { maximumFractionDigits: 0 });
const machine = `${cpus()[0]?.model ?? 'unknown CPU'}, ${cpus().length} cores; Node ${process.version}; load average ${loadavg()[0]!.toFixed(2)}`;
const md = [
	'# Report extraction: how long it takes',
	'',
	`Measured by \`npm run bench:extract\` on ${new Date().toISOString().slice(0, 10)} (${machine}).`,
	`Reports are the development set's texts joined up to the size (about ${fmt(PAGE_CHARS)} characters a page).`,
	`Cold: the first run, building the gazetteer of ${fmt(gazetteerFromCsv(csv('units_2023.csv'), csv('units_2025.csv')).length)} units; warm: ${WARM_RUNS} runs after it. The goal: a 100-page report in under a second.`,
	'',
	'| pages | characters | figures | cold ms | warm p50 ms | warm p95 ms |',
	'| ---: | ---: | ---: | ---: | ---: | ---: |',
	...rows.map(
		(r) =>
			`| ${r.pages} | ${fmt(r.chars)} | ${fmt(r.figures)} | ${fmt(r.coldMs)} | ${fmt(r.p50Ms)} | ${fmt(r.p95Ms)} |`,
	),
	'',
];
writeFileSync(join(ROOT, 'bench', 'EXTRACT.md'), md.join('\n'));
writeFileSync(
	join(ROOT, 'bench', 'extract.json'),
	`${JSON.stringify({ machine, rows }, null, '\t')}\n`,
);
console.log(md.join('\n'));
