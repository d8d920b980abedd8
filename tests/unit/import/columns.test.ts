import { describe, expect, test } from 'vitest';
import {
	IMPORT_COLUMNS,
	autoMapping,
	columnLetter,
	matchHeader,
} from '../../../src/import/columns.ts';
import { METRICS } from '../../../src/model/metrics.ts';

describe('header matching', () => {
	test('the template has every metric of the catalogue under its Vietnamese label, in order', () => {
		const metrics = IMPORT_COLUMNS.filter((c) => c.count);
		expect(metrics.map((c) => c.id)).toEqual(METRICS.map((m) => m.id));
		expect(metrics.map((c) => c.header.vi)).toEqual(METRICS.map((m) => m.label.vi));
	});

	test('contract ids, Vietnamese and English headers all name their column', () => {
		for (const c of IMPORT_COLUMNS) {
			expect(matchHeader(c.id), c.id).toBe(c.id);
			expect(matchHeader(c.header.vi), c.header.vi).toBe(c.id);
			expect(matchHeader(c.header.en), c.header.en).toBe(c.id);
		}
	});

	test('case, diacritics, spacing and punctuation do not matter', () => {
		expect(matchHeader('MA DON VI')).toBe('unit_code');
		expect(matchHeader('  mã_đơn_vị ')).toBe('unit_code');
		expect(matchHeader('Danh mục')).toBe('scheme');
		expect(matchHeader('kien nghi cu tri da giai quyet')).toBe('petitions_resolved');
		expect(matchHeader('SESSIONS REGULAR')).toBe('sessions_regular');
		expect(matchHeader('Kỳ')).toBe('period');
		expect(matchHeader('Xếp loại')).toBeNull();
		expect(matchHeader('')).toBeNull();
	});

	test('each column is taken once: a second header naming it is left unmatched', () => {
		expect(autoMapping(['Mã đơn vị', 'unit_code', 'Năm', 'Ghi chú khác'])).toEqual([
			'unit_code',
			null,
			'year',
			null,
		]);
	});

	test('spreadsheet letters', () => {
		expect([0, 1, 25, 26, 27, 51, 52, 701, 702].map(columnLetter)).toEqual([
			'A',
			'B',
			'Z',
			'AA',
			'AB',
			'AZ',
			'BA',
			'ZZ',
			'AAA',
		]);
	});
});
