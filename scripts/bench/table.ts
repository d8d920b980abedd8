/** A small table that prints as aligned text for the terminal and as Markdown for the docs. */
export class Table {
	readonly #headers: string[];
	readonly #rows: string[][] = [];
	/** Columns aligned right (numbers). */
	readonly #right: boolean[];

	constructor(headers: string[], right: boolean[] = headers.map((_, i) => i > 0)) {
		this.#headers = headers;
		this.#right = right;
	}

	add(...cells: (string | number)[]): this {
		this.#rows.push(cells.map(String));
		return this;
	}

	get size(): number {
		return this.#rows.length;
	}

	text(): string {
		const widths = this.#headers.map((h, i) =>
			Math.max(h.length, ...this.#rows.map((r) => (r[i] ?? '').length)),
		);
		const line = (cells: string[]) =>
			cells
				.map((c, i) => (this.#right[i] ? c.padStart(widths[i]!) : c.padEnd(widths[i]!)))
				.join('  ')
				.trimEnd();
		return [
			line(this.#headers),
			widths.map((w) => '─'.repeat(w)).join('  '),
			...this.#rows.map(line),
		].join('\n');
	}

	markdown(): string {
		const escape = (c: string) => c.replaceAll('|', '\\|');
		return [
			`| ${this.#headers.map(escape).join(' | ')} |`,
			`| ${this.#right.map((r) => (r ? '---:' : ':---')).join(' | ')} |`,
			...this.#rows.map((r) => `| ${r.map(escape).join(' | ')} |`),
		].join('\n');
	}
}

/** Milliseconds for a table: no decimals from 100 up, one below. */
export function ms(value: number): string {
	if (!Number.isFinite(value)) return '—';
	return value >= 100 ? value.toFixed(0) : value.toFixed(1);
}

/** Bytes in kB or MB (powers of 1000). */
export function bytes(value: number | null | undefined): string {
	if (value === null || value === undefined || !Number.isFinite(value)) return '—';
	if (value >= 1e6) return `${(value / 1e6).toFixed(1)} MB`;
	return `${(value / 1e3).toFixed(1)} kB`;
}

export function ratio(value: number): string {
	return Number.isFinite(value) ? `${value.toFixed(2)}×` : '—';
}

export function count(value: number): string {
	return value.toLocaleString('en-US');
}
