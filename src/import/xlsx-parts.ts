/**
 * Where the parts of a workbook are, found the way the package says rather than by fixed names: the
 * workbook through `_rels/.rels` (or `[Content_Types].xml`), its sheets and shared strings through the
 * workbook's own relationships. Zip entry names are matched whatever their capitals and slashes, because
 * writers differ: some store `xl/SharedStrings.xml` or `XL\Worksheets\Sheet1.xml`, and Excel reads them.
 */
import { xmlEvents } from './xml.ts';

/** Zip entry names by their folded form (lower case, forward slashes, no leading slash). */
export type PartIndex = ReadonlyMap<string, string>;

export const foldPartName = (name: string): string =>
	name.replace(/\\/g, '/').replace(/^\/+/, '').toLowerCase();

/** An index of entry names, so that a part can be found whatever its capitals. */
export function partIndex(names: Iterable<string>): PartIndex {
	const index = new Map<string, string>();
	for (const name of names) {
		const key = foldPartName(name);
		if (!index.has(key)) index.set(key, name);
	}
	return index;
}

/** Relationship files and the content types: read first, to learn where everything else is. */
export function isPackageMap(name: string): boolean {
	const folded = foldPartName(name);
	return folded === '[content_types].xml' || folded.endsWith('.rels');
}

export interface Relationship {
	id: string;
	type: string;
	/** The target as a part path from the package root (folded is not applied). */
	target: string;
}

/** The folder of a part path ("xl/workbook.xml" → "xl/"). */
const folderOf = (path: string) => path.slice(0, path.lastIndexOf('/') + 1);

/** A relationship target resolved against the folder of its source part, `..` and `.` followed. */
export function resolveTarget(sourcePart: string, target: string): string {
	const clean = target.replace(/\\/g, '/');
	const joined = clean.startsWith('/') ? clean.slice(1) : folderOf(sourcePart) + clean;
	const out: string[] = [];
	for (const piece of joined.split('/')) {
		if (piece === '..') out.pop();
		else if (piece !== '.' && piece !== '') out.push(piece);
	}
	return out.join('/');
}

/** The relationships file of a part: "xl/workbook.xml" → "xl/_rels/workbook.xml.rels". */
export function relsPathOf(part: string): string {
	const folder = folderOf(part);
	return `${folder}_rels/${part.slice(folder.length)}.rels`;
}

/** The relationships of a part, read from its `.rels` text. External targets are skipped. */
export function relationships(sourcePart: string, relsXml: string | undefined): Relationship[] {
	const found: Relationship[] = [];
	for (const e of xmlEvents(relsXml ?? '')) {
		if (e.type !== 'open' || e.name !== 'Relationship') continue;
		const { Id: id, Type: type = '', Target: target, TargetMode: mode } = e.attrs;
		if (!id || !target || mode === 'External') continue;
		found.push({ id, type, target: resolveTarget(sourcePart, target) });
	}
	return found;
}

/** Content-type overrides: part path (folded) → content type. */
export function contentTypes(xml: string | undefined): Map<string, string> {
	const types = new Map<string, string>();
	for (const e of xmlEvents(xml ?? '')) {
		if (e.type === 'open' && e.name === 'Override' && e.attrs.PartName && e.attrs.ContentType) {
			types.set(foldPartName(e.attrs.PartName), e.attrs.ContentType);
		}
	}
	return types;
}

const endsWithType = (type: string, suffix: string) => type.toLowerCase().endsWith(suffix);

/**
 * The workbook part: the package's office document, else the part whose content type is a workbook,
 * else the usual `xl/workbook.xml`.
 */
export function workbookPath(rootRels: string | undefined, types: Map<string, string>): string {
	const office = relationships('', rootRels).find((r) => endsWithType(r.type, '/officedocument'));
	if (office) return office.target;
	for (const [part, type] of types) {
		if (
			/\.sheet\.main\+xml$|\.sheet\.macroenabled\.main\+xml$|\.template\.main\+xml$/i.test(type)
		) {
			return part;
		}
	}
	return 'xl/workbook.xml';
}

/** The shared strings part of a workbook, from its relationships or the content types. */
export function sharedStringsPath(
	workbook: string,
	rels: readonly Relationship[],
	types: Map<string, string>,
): string {
	const related = rels.find((r) => endsWithType(r.type, '/sharedstrings'));
	if (related) return related.target;
	for (const [part, type] of types) if (/sharedStrings\+xml$/i.test(type)) return part;
	return `${folderOf(workbook)}sharedStrings.xml`;
}

/** The styles part of a workbook (number formats tell dates from numbers). */
export function stylesPath(
	workbook: string,
	rels: readonly Relationship[],
	types: Map<string, string>,
): string {
	const related = rels.find((r) => endsWithType(r.type, '/styles'));
	if (related) return related.target;
	for (const [part, type] of types) if (/styles\+xml$/i.test(type)) return part;
	return `${folderOf(workbook)}styles.xml`;
}
