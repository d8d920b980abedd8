/**
 * Why the dataset could not be loaded, in plain words for the user (Vietnamese first), with the raw
 * text of whatever failed (the network, the decoder, the engine) kept apart as a detail for whoever
 * reports the problem.
 */
import type { Bilingual } from '../model/metrics.ts';

export type LoadFailure =
	/** manifest.json missing or not readable. */
	| 'manifest_missing'
	/** manifest.json read but not a dataset description. */
	| 'manifest_invalid'
	/** A data file missing or not readable. */
	| 'file_missing'
	/** A data file of another size than the manifest says. */
	| 'size_mismatch'
	/** A data file whose SHA-256 differs from the manifest's. */
	| 'checksum_mismatch'
	/** A data file that is not valid Parquet. */
	| 'decode'
	/** The query engine did not start or refused the data. */
	| 'engine';

/** A load failure with what it concerns; `detail` is the raw text of the underlying error. */
export class DataLoadError extends Error {
	constructor(
		readonly failure: LoadFailure,
		readonly detail: string,
		readonly file: string | null = null,
	) {
		super(`${failure}${file ? ` (${file})` : ''}: ${detail}`);
	}
}

/** The raw text of any error, for the details. */
export function errorText(error: unknown): string {
	return error instanceof Error ? error.message : String(error);
}

/** What the user is told about a failed load. */
export function loadErrorMessage(error: unknown): Bilingual {
	if (!(error instanceof DataLoadError)) return MESSAGES.engine('');
	return MESSAGES[error.failure](error.file ?? '');
}

const MESSAGES: Record<LoadFailure, (file: string) => Bilingual> = {
	manifest_missing: () => ({
		vi: 'Không tìm thấy mô tả bộ dữ liệu (manifest.json) trong thư mục dữ liệu: thư mục sai, hoặc máy chủ chưa có dữ liệu.',
		en: 'The dataset description (manifest.json) was not found in the data folder: the folder is wrong, or the server has no data yet.',
	}),
	manifest_invalid: () => ({
		vi: 'Tệp manifest.json không phải là mô tả bộ dữ liệu hợp lệ: dữ liệu không được dùng.',
		en: 'manifest.json is not a valid dataset description: the data are not used.',
	}),
	file_missing: (file) => ({
		vi: `Không tải được tệp dữ liệu ${file} từ máy chủ.`,
		en: `The data file ${file} could not be downloaded from the server.`,
	}),
	size_mismatch: (file) => ({
		vi: `Tệp dữ liệu ${file} có dung lượng khác với ghi trong manifest.json: tệp đã bị thay đổi hoặc tải về không trọn vẹn, nên không được dùng.`,
		en: `The data file ${file} is not the size manifest.json gives: it was changed or not fully downloaded, so it is not used.`,
	}),
	checksum_mismatch: (file) => ({
		vi: `Tệp dữ liệu ${file} không khớp mã kiểm tra SHA-256 ghi trong manifest.json: nội dung đã bị thay đổi, nên không được dùng.`,
		en: `The data file ${file} does not match the SHA-256 checksum in manifest.json: its content was changed, so it is not used.`,
	}),
	decode: (file) => ({
		vi: `Tệp dữ liệu ${file} không đọc được (không phải tệp Parquet hợp lệ).`,
		en: `The data file ${file} cannot be read (it is not a valid Parquet file).`,
	}),
	engine: () => ({
		vi: 'Bộ máy truy vấn trong trình duyệt không khởi động được hoặc không nạp được dữ liệu.',
		en: 'The query engine in the browser did not start or could not load the data.',
	}),
};
