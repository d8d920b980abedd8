/**
 * `npm run --silent extract -- --json FILE...`: the figures of council activity in each report file
 * (.txt, .html, .docx, .pdf), read and extracted by the same modules as the browser's review screen.
 *
 *   --json   (default) a JSON array of items: file, metric, value, qualifier, scope, unit, unit_key,
 *            unit_candidates, period, year, term, evidence, start, end, derived (only when true)
 *   --csv    rows of the facts contract (data/README.md), one per unit, period and scope
 *   --date YYYY-MM-DD   the reports' date when their text has none
 *
 * A file that cannot be read is reported on stderr with the reason, and the exit code is 1 once all
 * files are done; the others are still printed.
 */
import { readFileSync } from 'node:fs';
import { basename, dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { extractFigures } from '../src/extract/extract.ts';
import { gazetteerFromCsv } from '../src/extract/gazetteer.ts';
import { toFactsCsv, toItem, type ExtractItem } from '../src/extract/output.ts';
import { nodePdfReader } from '../src/extract/read/pdf-node.ts';
import { readReportFile } from '../src/extract/read/read-report.ts';

const ROOT = resolve(dirname(fileURLToPath(import.meta.url)), '..');

const USAGE = `usage: npm run --silent extract -- [--json | --csv] [--date YYYY-MM-DD] FILE...`;

async function main(args: string[]): Promise<number> {
	const files: string[] = [];
	let format: 'json' | 'csv' = 'json';
	let date: string | null = null;
	for (let i = 0; i < args.length; i++) {
		const a = args[i]!;
		if (a === '--json') format = 'json';
		else if (a === '--csv') format = 'csv';
		else if (a === '--date') date = args[++i] ?? null;
		else if (a === '--help' || a === '-h') {
			console.log(USAGE);
			return 0;
		} else files.push(a);
	}
	if (files.length === 0 || (date !== null && !/^\d{4}-\d{2}-\d{2}$/.test(date))) {
		console.error(USAGE);
		return 2;
	}

	const units = gazetteerFromCsv(
		readFileSync(join(ROOT, 'data', 'units', 'units_2023.csv'), 'utf8'),
		readFileSync(join(ROOT, 'data', 'units', 'units_2025.csv'), 'utf8'),
	);
	const pdf = nodePdfReader();
	const items: ExtractItem[] = [];
	const csv: string[] = [];
	let failed = 0;
	for (const file of files) {
		let bytes: Uint8Array;
		try {
			bytes = new Uint8Array(readFileSync(file));
		} catch (error) {
			console.error(`${file}: ${error instanceof Error ? error.message : String(error)}`);
			failed++;
			continue;
		}
		const read = await readReportFile(bytes, basename(file), { pdf });
		if (!read.ok) {
			console.error(`${file}: ${read.error.message.en} (${read.error.message.vi})`);
			failed++;
			continue;
		}
		const result = extractFigures(read.text, { units, date, title: read.title });
		if (result.figures.length === 0) console.error(`${file}: no figure found`);
		items.push(...result.figures.map((f) => toItem(file, f)));
		const body = toFactsCsv(file, result.figures, `report:${basename(file)}`);
		csv.push(csv.length === 0 ? body : body.slice(body.indexOf('\n') + 1));
	}
	process.stdout.write(format === 'json' ? `${JSON.stringify(items, null, 2)}\n` : csv.join(''));
	return failed > 0 ? 1 : 0;
}

main(process.argv.slice(2)).then(
	(code) => (process.exitCode = code),
	(error: unknown) => {
		console.error(error instanceof Error ? (error.stack ?? error.message) : String(error));
		process.exitCode = 1;
	},
);
