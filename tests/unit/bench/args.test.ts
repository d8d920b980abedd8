import { describe, expect, it } from 'vitest';
import { optionValue, optionValues } from '../../../scripts/bench/args.ts';

describe('bench options', () => {
	const argv = [
		'--datasets=monthly,stress',
		'--skip-build',
		'--css=a=x { y: z }',
		'--css=b=',
		'--runs=3',
	];

	it('reads the first value of an option, or null when it is absent', () => {
		expect(optionValue(argv, 'datasets')).toBe('monthly,stress');
		expect(optionValue(argv, 'runs')).toBe('3');
		expect(optionValue(argv, 'baseline')).toBeNull();
		// A flag without a value is not an option with one, nor is a longer name that starts the same.
		expect(optionValue(argv, 'skip-build')).toBeNull();
		expect(optionValue(['--runsx=1'], 'runs')).toBeNull();
	});

	it('reads every value of a repeated option in order, keeping = inside a value', () => {
		expect(optionValues(argv, 'css')).toEqual(['a=x { y: z }', 'b=']);
		expect(optionValues(argv, 'variants')).toEqual([]);
	});
});
