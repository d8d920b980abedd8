/**
 * A notebook shared as a link: its name and Markdown, deflated and written as URL-safe base64 in the
 * `nb` parameter (`?v=notebooks&nb=1.…`), so the link alone carries it and no server keeps a copy. A
 * notebook whose code would make the link longer than MAX_LINK_CODE travels as a downloaded .md file
 * instead: mail, chat programs and some web servers cut links past a few thousand characters.
 * Decoding trusts nothing: the form, the inflated size (read in chunks, so a crafted link cannot
 * inflate to more than the cap) and the notebook itself (checkNotebookText) are checked.
 */
import { Inflate, deflateSync, strFromU8, strToU8 } from 'fflate';
import type { Bilingual } from '../model/metrics.ts';
import type { Notebook } from '../model/notebook.ts';
import { base64url, fromBase64url } from '../ui/base64.ts';
import { MAX_NOTEBOOK_BYTES, checkNotebookText, tooLarge } from './check.ts';

/** The URL parameter that carries a shared notebook (kept in the address bar by App.svelte). */
export const SHARE_PARAM = 'nb';
/** The longest code put in a link, in characters; a longer notebook is shared as a file. */
export const MAX_LINK_CODE = 6000;
/** The id a notebook opened from a link has while it is shown (it is not stored). */
export const SHARED_ID = 'shared';

const VERSION = '1.';

export interface SharedNotebook {
	name: string;
	markdown: string;
}

/** The code of a notebook for the `nb` parameter (of any length: see fitsInLink). */
export function encodeShared(shared: SharedNotebook): string {
	const json = JSON.stringify({ n: shared.name, m: shared.markdown });
	return VERSION + base64url(deflateSync(strToU8(json), { level: 9 }));
}

/** Whether a code is short enough for a link. */
export function fitsInLink(code: string): boolean {
	return code.length <= MAX_LINK_CODE;
}

/** The link that opens the notebook of `code` on the notebooks page of this app. */
export function shareLink(code: string, base: string): string {
	const url = new URL(base);
	url.search = new URLSearchParams({ v: 'notebooks', [SHARE_PARAM]: code }).toString();
	url.hash = '';
	return url.href;
}

const BROKEN: Bilingual = {
	vi: 'Đường liên kết sổ tay bị hỏng hoặc bị cắt mất một phần: hãy xin người gửi đường liên kết đầy đủ, hoặc tệp .md.',
	en: 'The notebook link is broken or was cut short: ask the sender for the whole link, or for the .md file.',
};

export type SharedDecode =
	| { ok: true; name: string; markdown: string; notebook: Notebook }
	| { ok: false; problem: Bilingual };

/** Inflate at most `limit` bytes; null when the data is not DEFLATE or inflates to more. */
function inflateCapped(data: Uint8Array, limit: number): Uint8Array | 'too-large' | null {
	const parts: Uint8Array[] = [];
	let total = 0;
	let over = false;
	let ended = false;
	const inflater = new Inflate((chunk, final) => {
		total += chunk.length;
		if (total > limit) over = true;
		else parts.push(chunk);
		if (final) ended = true;
	});
	try {
		const STEP = 1024;
		for (let at = 0; at < data.length && !over; at += STEP) {
			inflater.push(data.subarray(at, at + STEP), at + STEP >= data.length);
		}
	} catch {
		return null;
	}
	if (over) return 'too-large';
	if (!ended) return null;
	const out = new Uint8Array(total);
	let at = 0;
	for (const part of parts) {
		out.set(part, at);
		at += part.length;
	}
	return out;
}

/** Read the `nb` parameter of a link. */
export function decodeShared(code: string): SharedDecode {
	// The code of a notebook at the size cap, deflated at worst as stored blocks, is about 1.4 MB.
	if (!code.startsWith(VERSION) || code.length > 2 * MAX_NOTEBOOK_BYTES) {
		return { ok: false, problem: BROKEN };
	}
	const bytes = fromBase64url(code.slice(VERSION.length));
	if (!bytes || bytes.length === 0) return { ok: false, problem: BROKEN };
	// JSON escapes and the name add a little to the Markdown: allow for them.
	const limit = MAX_NOTEBOOK_BYTES + 4096;
	const inflated = inflateCapped(bytes, limit);
	if (inflated === 'too-large') return { ok: false, problem: tooLarge(limit, true) };
	if (!inflated) return { ok: false, problem: BROKEN };
	let value: unknown;
	try {
		value = JSON.parse(strFromU8(inflated));
	} catch {
		return { ok: false, problem: BROKEN };
	}
	const record = value as { n?: unknown; m?: unknown } | null;
	if (!record || typeof record.n !== 'string' || typeof record.m !== 'string') {
		return { ok: false, problem: BROKEN };
	}
	const checked = checkNotebookText(SHARED_ID, record.m);
	if (!checked.ok) return checked;
	const name = record.n.trim().slice(0, 200) || checked.notebook.title;
	return { ok: true, name, markdown: record.m, notebook: checked.notebook };
}
