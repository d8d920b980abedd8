/**
 * A/B of interaction latency, alternating in one run: variants of the query string, and optionally a
 * baseline build of the app beside this one (another commit built with `vite build --outDir <dir>`).
 * Prints p50 / p95 overall and by kind for each, and the mean split of a click into script (input →
 * last chart's new render id) and rendering (→ painted); a quick answer to "did this change help",
 * while `npm run bench` stays the full record.
 *
 *   tsx scripts/bench/ab.ts --datasets=yearly,monthly --variants=,opt=0 --baseline=bench/out/dist-old
 *
 * `--slowest=N` lists each label's N slowest clicks with their split, to tell a click that waited for
 * the engine (a long script part) from one that was slow to draw.
 *
 * `--css=NAME=RULES` (repeatable) adds a variant with a style sheet injected once the page is ready:
 * a cheap way to ask what a CSS change, or hiding a part, would give before building it.
 *
 *   tsx scripts/bench/ab.ts --datasets=monthly --css='no-text=[data-chart] svg text { display: none }'
 */
import { loadavg } from 'node:os';
import { resolve } from 'node:path';
import { optionValue, optionValues } from './args.ts';
import { launch } from './browser.ts';
import { buildApp, BUILD_DIR } from './build.ts';
import { datasetDir, prepareDatasets, type DatasetName } from './datasets.ts';
import { runInteractions } from './interactions.ts';
import { serveStatic } from './serve.ts';
import { latency, quantile } from './stats.ts';

const argv = process.argv.slice(2);
const option = (name: string) => optionValue(argv, name);
const datasetNames = (option('datasets') ?? 'yearly').split(',') as DatasetName[];
const variants = (option('variants') ?? '').split(',');
const count = Number(option('count') ?? 60);
const rounds = Number(option('rounds') ?? 2);
const baseline = option('baseline');
/** How many of each label's slowest clicks to list, with their split (0: none). */
const slowest = Number(option('slowest') ?? 0);
/** Style sheets to try, by name; '' is the page as built. */
const sheets: [string, string][] = [
	['', ''],
	...optionValues(argv, 'css').map((a): [string, string] => {
		const [name, ...rules] = a.split('=');
		return [name!, rules.join('=')];
	}),
];

if (!argv.includes('--skip-build')) await buildApp();
const datasets = await prepareDatasets(datasetNames, console.log);
const mounts = Object.fromEntries(datasets.map((d) => [d.folder, datasetDir(d.name)]));
const builds = [{ name: 'this', server: await serveStatic(BUILD_DIR, { mounts }) }];
if (baseline) {
	builds.push({ name: 'baseline', server: await serveStatic(resolve(baseline), { mounts }) });
}
for (const b of builds) await b.server.warm();
const browser = await launch();

const fmt = (xs: number[], p: number) => quantile(xs, p).toFixed(0);
try {
	for (const dataset of datasets) {
		const runs = new Map<
			string,
			{ kind: string; value: string; ms: number; script: number; render: number }[]
		>();
		for (let round = 0; round < rounds; round++) {
			for (const build of builds) {
				for (const [variant, [sheet, rules]] of variants.flatMap((v) =>
					sheets.map((c) => [v, c] as const),
				)) {
					const label = `${build.name}${variant ? ` ${variant}` : ''}${sheet ? ` css:${sheet}` : ''}`;
					const query = `data=${dataset.folder}${variant ? `&${variant}` : ''}`;
					const run = await runInteractions(browser, build.server, query, {
						count,
						seed: 20_260_101 + round,
						budgetMs: 600_000,
						quietMs: 150,
						timeoutMs: 30_000,
						loadTimeoutMs: 240_000,
						beforehand: rules
							? async (page) => void (await page.addStyleTag({ content: rules }))
							: undefined,
					});
					const list = runs.get(label) ?? [];
					list.push(
						...run.interactions.map((i) => ({
							kind: i.kind,
							value: i.value,
							ms: i.ms,
							script: (i.committedAt ?? NaN) - (i.startAt ?? NaN),
							render: (i.endAt ?? NaN) - (i.committedAt ?? NaN),
						})),
					);
					runs.set(label, list);
					console.log(
						`${dataset.name} ${label}: round ${round + 1}, load ${loadavg()[0]!.toFixed(2)}`,
					);
				}
			}
		}
		for (const [label, list] of runs) {
			const ms = list.map((i) => i.ms);
			const kinds = [...new Set(list.map((i) => i.kind))].sort().map((kind) => {
				const of = list.filter((i) => i.kind === kind).map((i) => i.ms);
				return `${kind} ${fmt(of, 0.5)}/${fmt(of, 0.95)}`;
			});
			const mean = (xs: number[]) => latency(xs.filter(Number.isFinite)).mean.toFixed(1);
			const split = `script ${mean(list.map((i) => i.script))}, rendering ${mean(list.map((i) => i.render))} ms`;
			console.log(
				`${dataset.name} [${label}] n=${ms.length} p50 ${fmt(ms, 0.5)} p95 ${fmt(ms, 0.95)} (mean ${split}) | ${kinds.join('  ')}`,
			);
			for (const i of [...list].sort((a, b) => b.ms - a.ms).slice(0, slowest)) {
				console.log(
					`  ${i.ms.toFixed(0)} ms ${i.kind} ${i.value || '(none)'}: script ${i.script.toFixed(0)}, rendering ${i.render.toFixed(0)}`,
				);
			}
		}
	}
} finally {
	await browser.close();
	for (const b of builds) await b.server.close();
}
