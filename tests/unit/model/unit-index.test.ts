import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { csvParse } from 'd3-dsv';
import { describe, expect, test } from 'vitest';
import { UnitIndex, type UnitRowInput } from '../../../src/model/unit-index.ts';
import { compareVietnamese, foldVietnamese } from '../../../src/model/text.ts';
import { parseUnitKey, schemeOfYear, unitKey } from '../../../src/model/units.ts';
import { ROOT } from '../../helpers/node-connector.ts';

function unitsOf(scheme: '2023' | '2025'): UnitRowInput[] {
	const rows = csvParse(readFileSync(join(ROOT, 'data/units', `units_${scheme}.csv`), 'utf8'));
	return rows.map((r) => ({
		code: r.code!,
		scheme,
		name: r.name!,
		name_with_type: r.name_with_type!,
		type: r.type!,
		level: r.level!,
		parent_code: r.parent_code || null,
		province_code: r.code!.slice(0, 2),
		province_2025: r.code!.slice(0, 2),
	}));
}

const index = new UnitIndex([...unitsOf('2023'), ...unitsOf('2025')]);

describe('unit keys', () => {
	test('carry the scheme, because codes were reused in 2025', () => {
		expect(unitKey('2023', '24')).toBe('2023:24');
		expect(index.label('2023:24')).toBe('Tỉnh Bắc Giang');
		expect(index.label('2025:24')).toBe('Tỉnh Bắc Ninh');
	});

	test('parse only well-formed keys', () => {
		expect(parseUnitKey('2025:00004')).toEqual({ scheme: '2025', code: '00004' });
		expect(parseUnitKey('2024:01')).toBeUndefined();
		expect(parseUnitKey('2023:1')).toBeUndefined();
		expect(parseUnitKey("2023:01' OR 1=1")).toBeUndefined();
	});

	test('years up to 2024 belong to the old list, from 2025 to the new one', () => {
		expect(schemeOfYear(2024)).toBe('2023');
		expect(schemeOfYear(2025)).toBe('2025');
	});
});

describe('search and sorting', () => {
	test('"thach that" finds Huyện Thạch Thất, ignoring diacritics and case', () => {
		expect(foldVietnamese('Huyện Thạch Thất')).toBe('huyen thach that');
		expect(foldVietnamese('Đống Đa')).toBe('dong da');
		const found = index.search('thach that').map((u) => u.key);
		expect(found).toContain('2023:276');
	});

	test('provinces are listed in Vietnamese alphabetical order, 63 before and 34 after 2025', () => {
		const old = index.provinces('2023');
		expect(old).toHaveLength(63);
		expect(index.provinces('2025')).toHaveLength(34);
		expect(old[0]?.name).toBe('An Giang');
		// "Đ" sorts after "D" in Vietnamese; plain code-point order would put it after "Z".
		const names = old.map((u) => u.name);
		expect(names.indexOf('Đà Nẵng')).toBeGreaterThan(names.indexOf('Cao Bằng'));
		expect(names.indexOf('Đà Nẵng')).toBeLessThan(names.indexOf('Gia Lai'));
		expect([...names].sort(compareVietnamese)).toEqual(names);
	});
});

describe('compareLabels', () => {
	const labels = [
		'Xã Tân Lập',
		'Huyện Đông Anh',
		'Quận Đống Đa',
		'Huyện Thạch Thất',
		'Quận Cầu Giấy',
	];
	const rows = (withOrder: boolean): UnitRowInput[] => {
		const order = [...labels].sort(compareVietnamese);
		return labels.map((label, i) => ({
			code: String(10 + i),
			scheme: '2023',
			name: label.split(' ').slice(1).join(' '),
			name_with_type: label,
			type: 'xa',
			level: 'commune',
			parent_code: null,
			province_code: '01',
			province_2025: '01',
			...(withOrder ? { label_order: order.indexOf(label) } : {}),
		}));
	};

	test('orders labels as the collator does, from the places in the data or sorted on first use', () => {
		const expected = [...labels].sort(compareVietnamese);
		for (const withOrder of [true, false]) {
			const units = new UnitIndex(rows(withOrder));
			expect([...labels].sort(units.compareLabels), `label_order ${withOrder}`).toEqual(expected);
		}
	});

	test('uses the places it was given rather than the collator', () => {
		// Places that contradict the alphabet prove they are read, not recomputed.
		const reversed = rows(true).map((r, i) => ({ ...r, label_order: labels.length - i }));
		const units = new UnitIndex(reversed);
		expect([...labels].sort(units.compareLabels)).toEqual([...labels].reverse());
	});

	test('breaks ties by the places of the bare names it was given, or by sorting them', () => {
		const names = (withOrder: boolean) =>
			rows(withOrder).map((r, i) => ({
				...r,
				// Contradicting the alphabet, to prove the given places are read.
				...(withOrder ? { name_order: labels.length - i } : {}),
			}));
		const sortedByName = [...labels].sort((a, b) =>
			compareVietnamese(a.split(' ').slice(1).join(' '), b.split(' ').slice(1).join(' ')),
		);
		expect([...labels].sort(new UnitIndex(names(false)).compareNames)).toEqual(sortedByName);
		expect([...labels].sort(new UnitIndex(names(true)).compareNames)).toEqual(
			[...labels].reverse(),
		);
	});

	test('falls back to the collator for a label of no known unit', () => {
		const units = new UnitIndex(rows(true));
		expect(units.compareLabels('Xã A Lưới', 'Xã Tân Lập')).toBeLessThan(0);
		expect(units.compareLabels('Xã Tân Lập', 'Xã Ân Thi')).toBeGreaterThan(0);
	});
});

describe('tied units in a ranking', () => {
	test('are ordered by name, not by the type word', () => {
		const index = new UnitIndex(
			[
				['01', 'Hà Nội', 'Thành phố Hà Nội'],
				['02', 'Hà Giang', 'Tỉnh Hà Giang'],
				['31', 'Hải Phòng', 'Thành phố Hải Phòng'],
			].map(([code, name, label]) => ({
				code: code!,
				scheme: '2023',
				name: name!,
				name_with_type: label!,
				type: label!.startsWith('Tỉnh') ? 'tinh' : 'thanh-pho',
				level: 'province',
				parent_code: null,
				province_code: code!,
				province_2025: code!,
			})),
		);
		const labels = ['Thành phố Hải Phòng', 'Tỉnh Hà Giang', 'Thành phố Hà Nội'];
		expect(labels.sort(index.compareNames)).toEqual([
			'Tỉnh Hà Giang',
			'Thành phố Hà Nội',
			'Thành phố Hải Phòng',
		]);
	});
});
