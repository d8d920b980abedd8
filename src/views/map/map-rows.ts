/**
 * The map's answers as the engine gives them (one row per province; the ranked units of one province) and
 * the steps, free of Svelte and DuckDB, from them to what the panels draw.
 */
import { rankRows, type RankingRow } from '../../charts/ranking-geometry.ts';
import { formatNumber, type Lang } from '../../i18n/format.ts';
import type { UnitIndex } from '../../model/unit-index.ts';
import { parseUnitKey, type Scheme } from '../../model/units.ts';

/** What ranking needs of the units in memory: names, and their order for ties. */
export type UnitNames = Pick<UnitIndex, 'label' | 'compareLabels'>;

/** One province of the map query (provinceMapSql): its value and how many of its units reported. */
export interface ProvinceRow {
	unit_key: string;
	province_code: string;
	value: number | null;
	reporting_units: number;
	units: number;
	any_simulated: boolean;
	any_reported: boolean;
	any_approx: boolean;
}

export interface MapResult {
	/** The scheme the query was built for (null: no rows). */
	scheme: Scheme | null;
	rows: ProvinceRow[];
}

export const NO_MAP: MapResult = { scheme: null, rows: [] };

/** The map query's rows with their scheme: the boundaries drawn must be of the same one. */
export function mapResult(rows: ProvinceRow[]): MapResult {
	// The keys carry the scheme the query was built for.
	return { scheme: parseUnitKey(rows[0]?.unit_key ?? '')?.scheme ?? null, rows };
}

/** The provinces ranked by value, the missing ones last, for the list and the map's table. */
export function rankProvinces(rows: readonly ProvinceRow[], units: UnitNames): RankingRow[] {
	return rankRows(
		rows.map((r) => ({
			key: r.unit_key,
			label: units.label(r.unit_key),
			value: r.value,
			reported: r.any_reported,
			approx: r.any_approx,
		})),
		units.compareLabels,
	);
}

/** Reporting over existing unit-years of a province: 57/64 (0/0 for a province with no row). */
export function formatCoverageRatio(row: ProvinceRow | undefined, lang: Lang): string {
	return `${formatNumber(row?.reporting_units ?? 0, lang)}/${formatNumber(row?.units ?? 0, lang)}`;
}

/** One unit of the drill-down query (rankingSql over one province). */
export interface DrillRow {
	unit_key: string;
	value: number | null;
	source_kind: string | null;
	approx: boolean;
}

export interface DrillResult {
	/** The query these rows answer: rows of another province are never shown as this one's. */
	sql: string;
	rows: (RankingRow & { approx: boolean })[];
	simulated: boolean;
	reported: boolean;
}

export const NO_DRILL: DrillResult = { sql: '', rows: [], simulated: false, reported: false };

/** The units of a province ranked, each with its estimate mark, and the kinds of source among them. */
export function drillResult(sql: string, raw: readonly DrillRow[], units: UnitNames): DrillResult {
	const approx = new Set(raw.filter((r) => r.approx).map((r) => r.unit_key));
	return {
		sql,
		rows: rankRows(
			raw.map((r) => ({
				key: r.unit_key,
				label: units.label(r.unit_key),
				value: r.value,
				reported: r.source_kind === 'reported',
			})),
			units.compareLabels,
		).map((r) => ({ ...r, approx: approx.has(r.key) })),
		simulated: raw.some((r) => r.source_kind === 'simulated'),
		reported: raw.some((r) => r.source_kind === 'reported'),
	};
}
