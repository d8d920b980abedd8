import { describe, expect, test } from 'vitest';
import { packFile } from '../../../../src/views/briefing/pack-files.ts';

describe('packFile', () => {
	const pack = { fileStem: 'giao-ban-2023-276-2022' };

	test('names a PDF after the pack, as a PDF', () => {
		expect(packFile(pack, 'pdf')).toEqual({
			name: 'giao-ban-2023-276-2022.pdf',
			mime: 'application/pdf',
		});
	});

	test('names a DOCX after the pack, as a Word document', () => {
		expect(packFile(pack, 'docx')).toEqual({
			name: 'giao-ban-2023-276-2022.docx',
			mime: 'application/vnd.openxmlformats-officedocument.wordprocessingml.document',
		});
	});
});
