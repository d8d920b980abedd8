/**
 * Workbooks shaped like the ones council offices keep: a title block (the council, the national motto,
 * the title, the period), a two-row merged header ("Kỳ họp" over "Thường lệ | Chuyên đề"), a row
 * numbering the columns, data rows, a total and a signature block. The figures are made up.
 */
import type { SheetToWrite } from '../../src/import/xlsx-write.ts';

type Row = (string | number | null)[];

export interface CouncilRow {
	code: string | null;
	name: string;
	regular: number;
	thematic: number;
	supervisions: number;
	received: number;
	resolved: number;
}

/** A report sheet: the title block names `council` and `period`; rows start at row 10. */
export function councilSheet(
	name: string,
	council: string,
	period: string,
	rows: readonly CouncilRow[],
	options: { codes?: boolean; hidden?: boolean } = {},
): SheetToWrite {
	const codes = options.codes ?? true;
	const lead: Row = codes ? ['STT', 'Mã ĐVHC', 'Đơn vị'] : ['STT', null, 'Đơn vị'];
	const body: Row[] = rows.map((r, i) => [
		i + 1,
		codes ? r.code : null,
		r.name,
		r.regular,
		r.thematic,
		r.supervisions,
		r.received,
		r.resolved,
	]);
	const sum = (k: keyof CouncilRow) => rows.reduce((n, r) => n + (r[k] as number), 0);
	return {
		name,
		hidden: options.hidden,
		textColumns: [1],
		rows: [
			[council, null, null, null, 'CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM'],
			['THƯỜNG TRỰC HĐND', null, null, null, 'Độc lập - Tự do - Hạnh phúc'],
			[],
			['BẢNG TỔNG HỢP KẾT QUẢ HOẠT ĐỘNG CỦA HỘI ĐỒNG NHÂN DÂN'],
			[period],
			[],
			[...lead, 'Kỳ họp', null, 'Số cuộc giám sát', 'Kiến nghị cử tri', null],
			[null, null, null, 'Thường lệ', 'Chuyên đề', null, 'Tiếp nhận', 'Đã giải quyết'],
			['(1)', '(2)', '(3)', '(4)', '(5)', '(6)', '(7)', '(8)'],
			...body,
			[
				null,
				null,
				'Tổng cộng',
				sum('regular'),
				sum('thematic'),
				sum('supervisions'),
				sum('received'),
				sum('resolved'),
			],
			[],
			[null, null, 'Người lập biểu', null, null, 'TM. THƯỜNG TRỰC HĐND'],
			[null, null, null, null, null, 'PHÓ CHỦ TỊCH'],
		],
		merges: [
			'A1:D1',
			'E1:H1',
			'A2:D2',
			'A4:H4',
			'A5:H5',
			'A7:A8',
			'B7:B8',
			'C7:C8',
			'D7:E7',
			'F7:F8',
			'G7:H7',
		],
	};
}

/** Three communes of Huyện Thạch Thất (2023 codes). */
export const THACH_THAT_COMMUNES: CouncilRow[] = [
	{
		code: '10009',
		name: 'Xã Hạ Bằng',
		regular: 2,
		thematic: 1,
		supervisions: 4,
		received: 31,
		resolved: 29,
	},
	{
		code: '09955',
		name: 'Thị trấn Liên Quan',
		regular: 2,
		thematic: 3,
		supervisions: 5,
		received: 44,
		resolved: 40,
	},
	{
		code: '09958',
		name: 'Xã Đại Đồng',
		regular: 2,
		thematic: 0,
		supervisions: 3,
		received: 12,
		resolved: 12,
	},
];
