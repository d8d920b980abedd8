/**
 * Notices when the dashboard's DuckDB worker is gone (issue 16: when the browser discarded it, or its
 * WebAssembly trapped, the charts stayed stale with no message). Three signs, whichever comes first:
 * the worker's own `error` event; a query failing with a WebAssembly trap (after one, the engine's
 * memory cannot be trusted); and a heartbeat, because a terminated worker says nothing at all: its
 * promises never settle. The heartbeat asks the engine a trivial question five times a second; a
 * question unanswered for 0.75 s while no query runs means the worker is dead, noticed within a second. While queries run the
 * engine may be rightly busy (it answers one message at a time), so it gets far longer then.
 */
import type { Bilingual } from '../model/metrics.ts';

export type EngineDeath = 'error' | 'trap' | 'unresponsive';

/** How often the heartbeat asks, and how long an idle engine may take to answer. */
export const HEARTBEAT_MS = 200;
export const IDLE_DEADLINE_MS = 750;
/** How long a busy engine may take: the dashboard's heaviest query takes well under this. */
export const BUSY_DEADLINE_MS = 30_000;

/** Texts of errors that WebAssembly raises when the engine's module trapped or ran out of memory. */
const TRAP =
	/RuntimeError|unreachable|memory access out of bounds|Aborted\(|table index is out of bounds|Out of memory|null function/i;

/** Whether a failed query means the engine itself is broken, not just the query. */
export function isEngineDeath(error: unknown): boolean {
	const text = error instanceof Error ? `${error.name}: ${error.message}` : String(error);
	return TRAP.test(text);
}

/** What the user is told, by the sign that was seen. */
export function engineDeathMessage(reason: EngineDeath): Bilingual {
	const why: Record<EngineDeath, Bilingual> = {
		error: { vi: 'bộ máy báo lỗi và dừng', en: 'the engine reported an error and stopped' },
		trap: { vi: 'bộ máy gặp lỗi bộ nhớ', en: 'the engine hit a memory fault' },
		unresponsive: {
			vi: 'bộ máy không còn trả lời, có thể trình duyệt đã đóng nó để giải phóng bộ nhớ',
			en: 'the engine no longer answers; the browser may have closed it to free memory',
		},
	};
	return {
		vi: `Bộ máy truy vấn của trang đã dừng (${why[reason].vi}). Các biểu đồ không còn cập nhật theo bộ lọc. Tải lại trang để tiếp tục: số liệu đã nhập vẫn được giữ trong trình duyệt.`,
		en: `The page's query engine has stopped (${why[reason].en}). The charts no longer follow the filters. Reload the page to go on: your imported figures are kept in this browser.`,
	};
}

export interface WatchOptions {
	/** A trivial question to the engine (its version). */
	ping: () => Promise<unknown>;
	/** Whether queries are running now. */
	busy: () => boolean;
	/** Called once, with the first sign seen. */
	onDead: (reason: EngineDeath, detail: string) => void;
	now?: () => number;
	/** Whether the page is shown: a hidden page's timers are slowed, so nothing is concluded then. */
	visible?: () => boolean;
}

export class EngineWatch {
	readonly #options: WatchOptions;
	readonly #now: () => number;
	#timer: ReturnType<typeof setInterval> | null = null;
	/** When the unanswered question was asked, and whether a query was running then or since. */
	#asked: number | null = null;
	#busySinceAsked = false;
	#lastTick: number;
	#dead = false;

	constructor(options: WatchOptions) {
		this.#options = options;
		this.#now = options.now ?? (() => performance.now());
		this.#lastTick = this.#now();
	}

	get dead(): boolean {
		return this.#dead;
	}

	start(): void {
		this.#timer ??= setInterval(() => this.#tick(), HEARTBEAT_MS);
	}

	stop(): void {
		if (this.#timer !== null) clearInterval(this.#timer);
		this.#timer = null;
	}

	/** Declare the engine dead (a sign seen elsewhere: the worker's error event, a trap). */
	died(reason: EngineDeath, detail: string): void {
		if (this.#dead) return;
		this.#dead = true;
		this.stop();
		this.#options.onDead(reason, detail);
	}

	#tick(): void {
		const now = this.#now();
		const late = now - this.#lastTick > 2 * HEARTBEAT_MS;
		this.#lastTick = now;
		const visible = this.#options.visible?.() ?? true;
		// A late tick means this page's thread was busy or throttled: the answer may be waiting in the
		// queue behind it, so the clock of the question starts again.
		if (late || !visible) {
			if (this.#asked !== null) this.#asked = now;
			return;
		}
		if (this.#options.busy()) this.#busySinceAsked = true;
		if (this.#asked !== null) {
			const deadline = this.#busySinceAsked ? BUSY_DEADLINE_MS : IDLE_DEADLINE_MS;
			if (now - this.#asked > deadline) {
				this.died('unresponsive', `no answer for ${Math.round(now - this.#asked)} ms`);
			}
			return;
		}
		this.#asked = now;
		this.#busySinceAsked = this.#options.busy();
		this.#options.ping().then(
			() => {
				this.#asked = null;
			},
			(error: unknown) => {
				this.#asked = null;
				if (isEngineDeath(error)) this.died('trap', String(error));
			},
		);
	}
}
