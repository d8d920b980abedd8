import { describe, expect, test } from 'vitest';
import { METRICS, METRIC_IDS, isMetricId, metricById } from '../../../src/model/metrics.ts';
import { HEADLINE_MEASURES, MEASURES, measureById } from '../../../src/model/measures.ts';

describe('metric catalogue', () => {
	test('holds the twelve metrics of the domain, each once', () => {
		expect(METRIC_IDS).toEqual([
			'sessions_regular',
			'sessions_thematic',
			'resolutions_adopted',
			'supervisions',
			'surveys',
			'explanatory_hearings',
			'interpellation_sessions',
			'voter_meetings',
			'petitions_received',
			'petitions_resolved',
			'citizen_receptions',
			'complaints_received',
		]);
		expect(new Set(METRIC_IDS).size).toBe(METRICS.length);
	});

	test('every metric has both labels, a unit, a definition and a legal basis', () => {
		for (const metric of METRICS) {
			for (const text of [metric.label, metric.countedIn, metric.definition]) {
				expect(text.vi.trim(), metric.id).not.toBe('');
				expect(text.en.trim(), metric.id).not.toBe('');
			}
			expect(metric.legalBasis, metric.id).toMatch(/Luật|Nghị quyết/);
		}
	});

	test('the users named sessions, supervisions, petitions and explanatory hearings first', () => {
		expect(METRICS.filter((m) => m.headline).map((m) => m.id)).toEqual([
			'sessions_regular',
			'sessions_thematic',
			'supervisions',
			'explanatory_hearings',
			'petitions_received',
			'petitions_resolved',
		]);
	});

	test('voter petitions are not the recommendations issued after a supervision', () => {
		expect(metricById('petitions_received').definition.vi).toContain(
			'không gồm kiến nghị sau giám sát',
		);
		expect(metricById('petitions_resolved').definition.en).toContain('being resolved');
	});

	test('ids from outside the catalogue are refused', () => {
		expect(isMetricId('supervisions')).toBe(true);
		expect(isMetricId('sessions')).toBe(false);
		expect(() => metricById('x' as never)).toThrow(/Unknown metric/);
	});
});

describe('measures', () => {
	test('derived measures say what they are computed from', () => {
		for (const id of ['sessions_total', 'resolution_rate', 'thematic_share'] as const) {
			const measure = measureById(id);
			expect(measure.computedFrom.vi).not.toBe('');
			expect(measure.computedFrom.en).not.toBe('');
		}
		expect(measureById('resolution_rate').formula).toEqual({
			kind: 'ratio',
			numerator: 'petitions_resolved',
			denominator: 'petitions_received',
		});
	});

	test('every counted metric is also a measure, and the tiles use four of them', () => {
		expect(MEASURES.length).toBe(METRICS.length + 3);
		expect(HEADLINE_MEASURES).toEqual([
			'sessions_total',
			'supervisions',
			'petitions_resolved',
			'explanatory_hearings',
		]);
	});
});

describe('change from the previous year', () => {
	test('relative for counts, in percentage points for rates, missing when a year is missing', async () => {
		const { changeFromPrevious } = await import('../../../src/model/measures.ts');
		expect(changeFromPrevious('supervisions', 15, 12)).toBe(0.25);
		expect(changeFromPrevious('supervisions', 15, null)).toBeNull();
		expect(changeFromPrevious('supervisions', null, 12)).toBeNull();
		expect(changeFromPrevious('supervisions', 3, 0)).toBeNull(); // no relative change from zero
		expect(changeFromPrevious('resolution_rate', 0.9, 0.85)).toBeCloseTo(0.05, 12);
	});

	test('formatted as +25,0% for counts and +5,0 điểm % for rates', async () => {
		const { changeFormatter } = await import('../../../src/views/dashboard/format-measure.ts');
		expect(changeFormatter('supervisions', 'vi')(0.25)).toBe('+25,0%');
		expect(changeFormatter('resolution_rate', 'vi')(0.05)).toBe('+5 điểm %');
		expect(changeFormatter('resolution_rate', 'en')(-0.021)).toBe('-2.1 pp');
		expect(changeFormatter('supervisions', 'vi')(null)).toBe('—');
	});
});
