/** A rename carries over to the notebook's heading only when the heading was its name. */
import { describe, expect, test } from 'vitest';
import { retitle } from '../../../src/notebooks/retitle.ts';

const NOTEBOOK = 'Mở đầu.\n\n# Sổ tay mới\n\nGhi chú.\n\n```sql\nSELECT 1\n```\n\n# Phần hai\n';

describe('retitle', () => {
	test('the heading that was the name follows the new name; nothing else moves', () => {
		expect(retitle(NOTEBOOK, 'Sổ tay mới', '  Kỳ họp  $& của tôi ')).toBe(
			'Mở đầu.\n\n# Kỳ họp $& của tôi\n\nGhi chú.\n\n```sql\nSELECT 1\n```\n\n# Phần hai\n',
		);
	});

	test('a heading other than the name, or none, is left alone', () => {
		expect(retitle(NOTEBOOK, 'Tên khác', 'Mới')).toBe(NOTEBOOK);
		expect(retitle('```sql\nSELECT 1\n```\n', 'x', 'Mới')).toBe('```sql\nSELECT 1\n```\n');
	});
});
