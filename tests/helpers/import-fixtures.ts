/** Fixtures shared by the import tests: a small unit list, and Parquet bytes made with parquet-wasm. */
import { Int32, Table, Utf8, tableToIPC, vectorFromArray } from 'apache-arrow';
import { Table as WasmTable, writeParquet } from 'parquet-wasm';
import type { UnitRef } from '../../src/import/unit-catalog.ts';

/** Real codes and names: 24 is Bắc Giang in the 2023 list and Bắc Ninh in the 2025 list. */
export const UNITS: UnitRef[] = [
	{
		code: '01',
		scheme: '2023',
		name: 'Hà Nội',
		nameWithType: 'Thành phố Hà Nội',
		level: 'province',
	},
	{ code: '06', scheme: '2023', name: 'Bắc Kạn', nameWithType: 'Tỉnh Bắc Kạn', level: 'province' },
	{
		code: '24',
		scheme: '2023',
		name: 'Bắc Giang',
		nameWithType: 'Tỉnh Bắc Giang',
		level: 'province',
	},
	{ code: '006', scheme: '2023', name: 'Đống Đa', nameWithType: 'Quận Đống Đa', level: 'district' },
	{
		code: '276',
		scheme: '2023',
		name: 'Thạch Thất',
		nameWithType: 'Huyện Thạch Thất',
		level: 'district',
	},
	{
		code: '277',
		scheme: '2023',
		name: 'Quốc Oai',
		nameWithType: 'Huyện Quốc Oai',
		level: 'district',
	},
	{
		code: '10105',
		scheme: '2023',
		name: 'Thạch Thán',
		nameWithType: 'Xã Thạch Thán',
		level: 'commune',
	},
	{
		code: '01',
		scheme: '2025',
		name: 'Hà Nội',
		nameWithType: 'Thành phố Hà Nội',
		level: 'province',
	},
	{
		code: '24',
		scheme: '2025',
		name: 'Bắc Ninh',
		nameWithType: 'Tỉnh Bắc Ninh',
		level: 'province',
	},
	{
		code: '09955',
		scheme: '2025',
		name: 'Thạch Thất',
		nameWithType: 'Xã Thạch Thất',
		level: 'commune',
	},
];

/** Parquet bytes of the given columns. */
export function parquetBytes(
	columns: Record<string, { type: 'utf8' | 'int32'; values: (string | number | null)[] }>,
) {
	const vectors = Object.fromEntries(
		Object.entries(columns).map(([name, c]) => [
			name,
			vectorFromArray(c.values, c.type === 'utf8' ? new Utf8() : new Int32()),
		]),
	);
	return writeParquet(WasmTable.fromIPCStream(tableToIPC(new Table(vectors), 'stream')));
}
