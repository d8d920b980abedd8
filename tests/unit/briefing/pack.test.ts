import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { unzipSync, strFromU8 } from 'fflate';
import { describe, expect, test } from 'vitest';
import type { SubunitPeriodRow, UnitPeriodRow } from '../../../src/db/period-queries.ts';
import { packToDocx } from '../../../src/briefing/docx.ts';
import { buildPack, type PackInput } from '../../../src/briefing/pack.ts';
import { packToPdf } from '../../../src/briefing/pdf.ts';
import { nodePdfReader } from '../../../src/extract/read/pdf-node.ts';
import { METRIC_IDS } from '../../../src/model/metrics.ts';
import { BUILTIN_TARGETS } from '../../../src/targets/target.ts';
import { ROOT } from '../../helpers/node-connector.ts';

const empty = Object.fromEntries(METRIC_IDS.map((id) => [id, null]));
const unitRow = (over: Partial<UnitPeriodRow>): UnitPeriodRow =>
	({
		...empty,
		which: 'current',
		scope: 'own',
		source_id: 'seed-000',
		source_kind: 'reported',
		qualifier: null,
		from_months: false,
		note: null,
		...over,
	}) as UnitPeriodRow;

const commune = (
	i: number,
	supervisions: number | null,
	sessions: number | null,
): SubunitPeriodRow =>
	({
		unit_key: `2023:0999${i}`,
		name: `Xã Thử Nghiệm ${i}`,
		label_order: i,
		source_id: supervisions === null ? null : 'simulated-v1',
		source_kind: supervisions === null ? null : 'simulated',
		previous_source_id: 'simulated-v1',
		...Object.fromEntries(METRIC_IDS.map((id) => [`m_${id}`, null])),
		...Object.fromEntries(METRIC_IDS.map((id) => [`p_${id}`, 1])),
		m_supervisions: supervisions,
		m_sessions_regular: sessions,
		m_sessions_thematic: sessions === null ? null : 1,
	}) as SubunitPeriodRow;

const INPUT: PackInput = {
	unitKey: '2023:276',
	unitName: 'Huyện Thạch Thất',
	period: { kind: 'year', year: 2022 },
	previous: { kind: 'year', year: 2021 },
	unitRows: [
		unitRow({ sessions_regular: 2, sessions_thematic: 3, supervisions: 13 }),
		unitRow({ scope: 'subunits', sessions_regular: 46, sessions_thematic: 7, supervisions: 177 }),
		unitRow({
			which: 'previous',
			source_id: 'simulated-v1',
			source_kind: 'simulated',
			supervisions: 11,
		}),
	],
	subunits: [commune(1, 8, 2), commune(2, 3, 1), commune(3, null, null)],
	subunitInfo: () => ({ level: 'commune', type: 'xa' }),
	targets: BUILTIN_TARGETS,
	sources: [
		{
			id: 'seed-000',
			title: 'Bản tin giao ban',
			publisher: 'Báo Thử',
			date: '2023-01-11',
			url: null,
			kind: 'reported',
		},
		{
			id: 'simulated-v1',
			title: 'Số liệu mô phỏng',
			publisher: null,
			date: null,
			url: null,
			kind: 'simulated',
		},
	],
	basis: 'reported',
	lang: 'vi',
	now: new Date('2026-12-02T08:00:00Z'),
	url: 'http://127.0.0.1:4173/?v=briefing&gu=2023:276&gp=2022',
};

describe('the briefing pack', () => {
	const pack = buildPack(INPUT);

	test('own figures with last year, the stated and summed sub-units, who missed, who did not report, sources', () => {
		const own = pack.blocks.find((b) => b.kind === 'table' && b.id === 'own');
		expect(own?.kind === 'table' && own.rows.find((r) => r[0] === 'Cuộc giám sát')).toEqual([
			'Cuộc giám sát',
			'13',
			'11',
			'+18,2%',
		]);
		const sub = pack.blocks.find((b) => b.kind === 'table' && b.id === 'subunits');
		expect(sub?.kind === 'table' && sub.rows.find((r) => r[0] === 'Cuộc giám sát')).toEqual([
			'Cuộc giám sát',
			'177',
			'11',
			'2/3',
			'3',
			'+266,7%',
		]);
		const texts = pack.blocks.flatMap((b) =>
			b.kind === 'paragraph' ? [b.text] : b.kind === 'list' ? b.items : [],
		);
		expect(texts).toContain(
			'50 % HĐND xã đã họp ít nhất 2 kỳ họp thường lệ (1/2 đơn vị đã báo cáo; 1 đơn vị chưa báo cáo).',
		);
		expect(texts).toContain('Chưa đạt (1): Xã Thử Nghiệm 2 (1)');
		expect(texts).toContain('Chưa báo cáo: Xã Thử Nghiệm 3');
		expect(
			texts.some((t) => t.startsWith('Bản tin giao ban — Báo Thử, 11/01/2023 (báo cáo)')),
		).toBe(true);
		expect(pack.simulated).toBe(true);
		expect(pack.stamp).toContain('02/12/2026');
	});

	test('as a PDF with the Vietnamese font: text that reads back, page numbers, the date', async () => {
		const font = (part: string, weight: number) =>
			new Uint8Array(
				readFileSync(
					join(
						ROOT,
						'node_modules/@fontsource/be-vietnam-pro/files',
						`be-vietnam-pro-${part}-${weight}-normal.woff`,
					),
				),
			);
		const parts = ['latin', 'latin-ext', 'vietnamese'];
		const bytes = await packToPdf(
			pack,
			{ regular: parts.map((p) => font(p, 400)), bold: parts.map((p) => font(p, 600)) },
			new Map(),
			{ page: 'Trang', simulated: 'Dữ liệu mô phỏng' },
		);
		expect(new TextDecoder().decode(bytes.slice(0, 5))).toBe('%PDF-');
		const read = await nodePdfReader().read(bytes, { maxPages: 20 });
		if (!read.ok) throw new Error(JSON.stringify(read));
		const text = read.pages
			.map((lines) => lines.join('\n'))
			.join('\n')
			.normalize('NFC');
		expect(text).toContain('Huyện Thạch Thất');
		expect(text).toContain('năm 2022');
		expect(text).toContain('177');
		expect(text).toContain('đã họp ít nhất 2 kỳ họp thường lệ');
		expect(text).toMatch(/Trang 1\/\d/);
		expect(text).toContain('02/12/2026');
	}, 60_000);

	test('as a DOCX: the XML holds the name, the period and a figure', async () => {
		const bytes = await packToDocx(pack, new Map(), {
			page: 'Trang',
			simulated: 'Dữ liệu mô phỏng',
		});
		const files = unzipSync(bytes);
		const xml = strFromU8(files['word/document.xml']!);
		expect(xml).toContain('Huyện Thạch Thất');
		expect(xml).toContain('Năm 2022');
		expect(xml).toContain('>177<');
		expect(Object.keys(files).some((f) => f.startsWith('word/footer'))).toBe(true);
	});
});

describe('a 2025 unit in 2025', () => {
	test('says that last year belongs to the old list instead of showing empty comparisons silently', () => {
		const pack = buildPack({
			...INPUT,
			unitKey: '2025:01',
			unitName: 'Thành phố Hà Nội',
			period: { kind: 'h1', year: 2025 },
			previous: { kind: 'h1', year: 2024 },
		});
		const notes = pack.blocks.flatMap((b) => (b.kind === 'paragraph' ? [b.text] : []));
		expect(notes.some((t) => t.startsWith('Cùng kỳ năm trước do các đơn vị của danh mục cũ'))).toBe(
			true,
		);
		expect(pack.subtitle).toBe('6 tháng đầu năm 2025');
	});
});
