// @vitest-environment happy-dom
import { describe, expect, test } from 'vitest';
import { boundaryCredit, uniqueCredits } from '../../../src/export/credits.ts';
import { pngTextEntries, svgMetadata } from '../../../src/export/metadata.ts';
import { vi, type MessageKey } from '../../../src/i18n/messages.ts';

const t = (key: MessageKey) => vi[key];

describe('credits of the boundaries drawn', () => {
	test('2023 units are drawn with the 2016 geoBoundaries outlines, CC BY-SA 4.0', () => {
		const credit = boundaryCredit('2023', t);
		expect(credit.id).toBe('boundaries-2016');
		expect(credit.licence).toBe('CC BY-SA 4.0');
		expect(credit.text).toContain('geoBoundaries');
		expect(credit.text).toContain('Runfola');
	});

	test('2025 units with thanglequoc/vietnamese-provinces-database, MIT', () => {
		const credit = boundaryCredit('2025', t);
		expect(credit.id).toBe('boundaries-2025');
		expect(credit.licence).toBe('MIT');
		expect(credit.text).toContain('thanglequoc/vietnamese-provinces-database');
	});

	test('each credit once on a sheet', () => {
		const a = boundaryCredit('2023', t);
		const b = boundaryCredit('2025', t);
		expect(uniqueCredits([a, b, a]).map((c) => c.id)).toEqual([a.id, b.id]);
	});
});

describe('the file metadata', () => {
	const meta = {
		title: 'Bản đồ <tỉnh> & "năm"',
		description: 'Cao nhất: Hà Nội',
		date: new Date('2026-11-23T08:00:00Z'),
		url: 'http://127.0.0.1:4173/?v=map&y=2024',
		credits: [boundaryCredit('2023', t)],
		sources: [
			{
				id: 'simulated-v1',
				kind: 'simulated',
				figures: 62,
				text: 'Mô phỏng: Bộ dữ liệu: 62 số liệu',
			},
			{
				id: 'seed-000',
				kind: 'reported',
				figures: 1,
				text: 'Báo cáo: Thạch Thất <2022>: 1 số liệu',
			},
		],
	};

	test('the SVG metadata names each credit with its licence, escaped', () => {
		const xml = svgMetadata(meta);
		expect(xml).toMatch(/^<metadata id="export-metadata"><hdnd:export xmlns:hdnd="urn:/);
		expect(xml).toContain('<hdnd:credit id="boundaries-2016" licence="CC BY-SA 4.0"');
		expect(xml).toContain('date="2026-11-23T08:00:00.000Z"');
		expect(xml).toContain(
			'<hdnd:source id="seed-000" kind="reported" figures="1">Báo cáo: Thạch Thất &lt;2022&gt;: 1 số liệu</hdnd:source>',
		);
		expect(xml).toContain('href="http://127.0.0.1:4173/?v=map&amp;y=2024"');
		const doc = new DOMParser().parseFromString(
			`<svg xmlns="http://www.w3.org/2000/svg">${xml}</svg>`,
			'image/svg+xml',
		);
		expect(doc.querySelector('parsererror')).toBeNull();
	});

	test('the PNG text layer has the title, the credit with its licence, date and link', () => {
		const entries = Object.fromEntries(pngTextEntries(meta));
		expect(entries['Title']).toBe(meta.title);
		expect(entries['Copyright']).toContain('geoBoundaries');
		expect(entries['Copyright']).toContain(
			'(CC BY-SA 4.0: https://creativecommons.org/licenses/by-sa/4.0/)',
		);
		expect(entries['URL']).toBe(meta.url);
		expect(entries['Data sources']).toBe(
			'Mô phỏng: Bộ dữ liệu: 62 số liệu\nBáo cáo: Thạch Thất <2022>: 1 số liệu',
		);
		expect(entries['Creation Time']).toBe('Mon, 23 Nov 2026 08:00:00 GMT');
	});
});
