/** Command-line options of the bench scripts: `--name=value`, possibly repeated. */

/** The value of the first `--name=value`, or null when it is not given. */
export function optionValue(argv: readonly string[], name: string): string | null {
	return optionValues(argv, name)[0] ?? null;
}

/** The values of every `--name=value`, in order (a repeatable option). */
export function optionValues(argv: readonly string[], name: string): string[] {
	const prefix = `--${name}=`;
	return argv.filter((a) => a.startsWith(prefix)).map((a) => a.slice(prefix.length));
}
