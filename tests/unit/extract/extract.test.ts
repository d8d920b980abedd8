/**
 * The extractor rule by rule, on sentences written for these tests in the style of council reports.
 * Each case lists every figure the sentence must give (metric, value, qualifier, scope) and nothing more:
 * the traps of docs/domain (ordinals, combined activities, supervision recommendations, states of
 * petitions that are not "resolved", money, delegates, targets, changes) must give nothing.
 */
import { describe, expect, test } from 'vitest';
import { extractFigures } from '../../../src/extract/extract.ts';
import { projectUnits } from '../../helpers/gazetteer.ts';

const units = projectUnits();

function figures(text: string, date = '2024-01-15') {
	return extractFigures(text, { units, date }).figures.map(
		(f) =>
			`${f.metric}=${f.value}${f.qualifier === 'exact' ? '' : ` ${f.qualifier}`}${f.scope === 'own' ? '' : ' subunits'}${f.derived ? ' derived' : ''}`,
	);
}

describe('counts of council activity', () => {
	test.each([
		[
			'HĐND huyện Mê Linh đã tổ chức 4 kỳ họp, trong đó có 2 kỳ họp chuyên đề.',
			['sessions_total=4', 'sessions_regular=2 derived', 'sessions_thematic=2'],
		],
		[
			'HĐND huyện tổ chức 02 kỳ họp thường lệ và 03 kỳ họp chuyên đề.',
			['sessions_regular=2', 'sessions_thematic=3'],
		],
		[
			'HĐND tỉnh tổ chức 6 kỳ họp (2 thường lệ, 4 chuyên đề).',
			['sessions_total=6', 'sessions_regular=2', 'sessions_thematic=4'],
		],
		[
			'Thường trực HĐND huyện tổ chức 12 cuộc giám sát, 4 cuộc khảo sát tại 27 cơ quan, đơn vị.',
			['supervisions=12', 'surveys=4'],
		],
		[
			'Thường trực HĐND thị xã tổ chức 02 phiên giải trình và 01 phiên chất vấn.',
			['explanatory_hearings=2', 'interpellation_sessions=1'],
		],
		[
			'Đại biểu HĐND huyện tham gia 36 cuộc tiếp xúc cử tri, tiếp nhận 412 ý kiến, kiến nghị của cử tri.',
			['voter_meetings=36', 'petitions_received=412'],
		],
		[
			'Tại kỳ họp cuối năm, HĐND tỉnh xem xét, thông qua 28 nghị quyết.',
			['resolutions_adopted=28'],
		],
		[
			'Thường trực HĐND huyện tiếp 57 lượt công dân, tiếp nhận 23 đơn thư khiếu nại, tố cáo.',
			['citizen_receptions=57', 'complaints_received=23'],
		],
		[
			'HĐND xã tổ chức hai kỳ họp thường lệ và một kỳ họp chuyên đề, thông qua mười hai nghị quyết.',
			['sessions_regular=2', 'sessions_thematic=1', 'resolutions_adopted=12'],
		],
	])('%s', (text, expected) => {
		expect(figures(text)).toEqual(expected);
	});
});

describe('petitions: received, resolved, and states that are neither', () => {
	test.each([
		[
			'Cử tri gửi 1.143 ý kiến, kiến nghị; đến nay đã giải quyết 1.020 ý kiến, kiến nghị, đạt tỷ lệ 89,2%.',
			['petitions_received=1143', 'petitions_resolved=1020', 'petition_resolution_rate=89.2'],
		],
		[
			'Năm 2023, 980/1.100 ý kiến, kiến nghị của cử tri đã được giải quyết.',
			['petitions_resolved=980', 'petitions_received=1100'],
		],
		['Các cơ quan đã và đang giải quyết 310 kiến nghị của cử tri, đạt 92%.', []],
		['UBND huyện đã trả lời 97 kiến nghị của cử tri, 20 kiến nghị đang được giải quyết.', []],
		['Qua giám sát, Đoàn đưa ra 25 kiến nghị với UBND huyện.', []],
		['Hội nghị có 14 ý kiến phát biểu của đại biểu về tình hình cử tri quan tâm.', []],
	])('%s', (text, expected) => {
		expect(figures(text)).toEqual(expected);
	});
});

describe('numbers that are not counts of activity', () => {
	test.each([
		['Kỳ họp thứ 16 HĐND huyện khóa XX diễn ra trong 2 ngày.'],
		['Tại kỳ họp thứ mười chín, HĐND tỉnh bàn nhiều nội dung quan trọng.'],
		['Thường trực HĐND tỉnh tổ chức 8 cuộc giám sát, khảo sát về đầu tư công.'],
		['Dự hội nghị có 45 đại biểu HĐND và 120 lượt cử tri tham dự.'],
		['HĐND huyện phân bổ 486 tỷ đồng cho 37 dự án đầu tư công.'],
		['Số cuộc giám sát tăng 3 cuộc so với năm 2022.'],
		['Năm 2024, HĐND huyện phấn đấu tổ chức 6 cuộc giám sát chuyên đề.'],
		['Thường trực HĐND huyện phối hợp giải quyết các việc phát sinh giữa hai kỳ họp.'],
		['Ban hành 02 nghị quyết chuyên đề và 01 cuộc tiếp xúc cử tri chuyên đề.'],
		['Trang chủ | Tin tức | Liên hệ. Tổng lượt truy cập 2.888.220, đang truy cập 35 khách.'],
	])('%s', (text) => {
		expect(figures(text)).toEqual([]);
	});
});

describe('qualifiers', () => {
	test.each([
		['HĐND các xã tổ chức hơn 60 cuộc giám sát.', ['supervisions=60 at_least subunits']],
		['Cử tri gửi gần 1.700 ý kiến, kiến nghị.', ['petitions_received=1700 approx']],
		['Từ đầu nhiệm kỳ đến nay, HĐND tỉnh đã tổ chức 13 kỳ họp.', ['sessions_total=13 cumulative']],
	])('%s', (text, expected) => {
		expect(figures(text)).toEqual(expected);
	});
});

describe('whose figure: the council itself or its sub-units, and which unit', () => {
	test('the seed pattern: the district and the sum over its communes', () => {
		const text =
			'Giao ban HĐND huyện Thạch Thất năm 2022\nTrong năm 2022, HĐND huyện đã tổ chức 5 kỳ họp, trong đó có 3 kỳ họp chuyên đề; HĐND các xã, thị trấn tổ chức được 46 kỳ họp thường lệ và 7 kỳ họp chuyên đề.';
		const result = extractFigures(text, { units, date: '2023-01-11' });
		expect(result.context.unitKey).toBe('2023:276');
		expect(
			result.figures.map((f) => [
				f.metric,
				f.value,
				f.scope,
				f.unitKey,
				f.period.kind,
				f.period.year,
			]),
		).toEqual([
			['sessions_total', 5, 'own', '2023:276', 'year', 2022],
			['sessions_regular', 2, 'own', '2023:276', 'year', 2022],
			['sessions_thematic', 3, 'own', '2023:276', 'year', 2022],
			['sessions_regular', 46, 'subunits', '2023:276', 'year', 2022],
			['sessions_thematic', 7, 'subunits', '2023:276', 'year', 2022],
		]);
	});

	test('an ambiguous name is narrowed by the province the text names, else left with candidates', () => {
		const named = extractFigures('HĐND huyện Châu Thành, tỉnh Tiền Giang tổ chức 4 kỳ họp.', {
			units,
			date: '2023-12-20',
		});
		expect(named.figures[0]?.unitKey).toBe('2023:821');
		const bare = extractFigures('HĐND huyện Châu Thành tổ chức 4 kỳ họp.', {
			units,
			date: '2023-12-20',
		});
		expect(bare.figures[0]?.unitKey).toBeNull();
		expect(bare.figures[0]?.unitCandidates.length).toBeGreaterThan(5);
		expect(
			bare.figures[0]?.unitCandidates.every((c) => c.nameWithType === 'Huyện Châu Thành'),
		).toBe(true);
	});

	test('the report date chooses the list: a code reused after 1 July 2025 is not confused', () => {
		const before = extractFigures('HĐND tỉnh Bắc Giang tổ chức 3 kỳ họp chuyên đề.', {
			units,
			date: '2024-12-20',
		});
		expect(before.figures[0]?.unitKey).toBe('2023:24');
		const after = extractFigures('HĐND tỉnh Bắc Ninh tổ chức 3 kỳ họp chuyên đề.', {
			units,
			date: '2025-12-20',
		});
		expect(after.figures[0]?.unitKey).toBe('2025:24');
	});

	test('a sum over several levels belongs to no single council and is not a figure', () => {
		expect(figures('HĐND huyện, xã, thị trấn đã tổ chức 58 kỳ họp.')).toEqual([]);
		expect(figures('HĐND tỉnh và HĐND các huyện tổ chức 40 cuộc giám sát.')).toEqual([]);
	});
});

describe('periods', () => {
	const period = (text: string, date: string) =>
		extractFigures(text, { units, date }).figures.map((f) => f.period);

	test.each([
		[
			'6 tháng đầu năm 2024, HĐND tỉnh tổ chức 2 kỳ họp chuyên đề.',
			'2024-07-10',
			{ kind: 'h1', year: 2024 },
		],
		[
			'Trong 9 tháng, Thường trực HĐND thị xã tổ chức 5 cuộc giám sát.',
			'2019-10-11',
			{ kind: 'm9', year: 2019 },
		],
		[
			'Quý I/2024, HĐND huyện tổ chức 01 kỳ họp chuyên đề.',
			'2024-04-02',
			{ kind: 'quarter', quarter: 1, year: 2024 },
		],
		[
			'Trong tháng 02/2024, Thường trực HĐND huyện tổ chức 1 phiên giải trình.',
			'2024-02-26',
			{ kind: 'month', month: 2, year: 2024 },
		],
		[
			'Nhiệm kỳ 2016-2021, HĐND huyện tổ chức 14 kỳ họp thường lệ.',
			'2021-05-02',
			{ kind: 'term', term: '2016-2021' },
		],
		[
			'Từ ngày 01/7/2025 đến ngày 31/12/2025, HĐND xã tổ chức 5 kỳ họp.',
			'2026-01-05',
			{ kind: 'span', from: '2025-07-01', to: '2025-12-31' },
		],
	])('%s', (text, date, expected) => {
		expect(period(text, date)[0]).toMatchObject(expected);
	});

	test('a plan year in the headline is not the period reviewed', () => {
		const text =
			'HĐND huyện Thạch Thất triển khai chương trình công tác năm 2023\nHội nghị đánh giá kết quả năm 2022.\nHĐND huyện tổ chức 5 kỳ họp.';
		expect(period(text, '2023-01-11')[0]).toMatchObject({ kind: 'year', year: 2022 });
	});
});

describe('evidence', () => {
	test('offsets point at the text that states the figure, qualifier included', () => {
		const text = 'Thường trực HĐND các xã tổ chức gần 80 cuộc giám sát.';
		const result = extractFigures(text, { units, date: '2024-01-02' });
		const f = result.figures[0]!;
		expect(result.text.slice(f.start, f.end)).toBe('gần 80 cuộc giám sát');
		expect(f.evidence).toBe('gần 80 cuộc giám sát');
		expect(result.text.slice(f.sentenceStart, f.sentenceEnd)).toBe(text);
	});

	test('hard-wrapped lines (a PDF) still read as one sentence', () => {
		const text =
			'Trong tháng 02/2024, Thường trực HĐND huyện Thanh Liêm đã tổ chức được 03\ncuộc giám sát chuyên đề về công tác quản lý đầu tư xây dựng trên địa bàn\nhuyện và tiếp nhận 15 đơn thư của công dân gửi đến Thường trực HĐND.\nCác nội dung khác được triển khai theo đúng chương trình công tác đã đề ra.';
		expect(figures(text, '2024-02-26')).toEqual(['supervisions=3', 'complaints_received=15']);
	});

	test('no figure in an unrelated text, and no throw on empty text', () => {
		expect(extractFigures('', { units }).figures).toEqual([]);
		expect(figures('Giá lúa vụ đông xuân năm nay tăng 300 đồng mỗi kg so với năm trước.')).toEqual(
			[],
		);
	});
});
