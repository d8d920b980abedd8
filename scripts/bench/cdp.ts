/**
 * DevTools Protocol access to a page's DuckDB worker. Playwright hands out sessions for pages only, so
 * the worker is reached through a browser-level session: `Target.attachToTarget` without flattening,
 * then commands and answers wrapped in `Target.sendMessageToTarget` / `receivedMessageFromTarget`.
 */
import type { Browser, CDPSession, Page } from 'playwright-core';

export type Send = (
	method: string,
	params?: Record<string, unknown>,
) => Promise<Record<string, unknown>>;

export interface WorkerSession {
	send: Send;
	detach(): Promise<void>;
}

/** A send() for the page itself. */
export async function pageSession(page: Page): Promise<{ send: Send; session: CDPSession }> {
	const session = await page.context().newCDPSession(page);
	const send: Send = (method, params) =>
		session.send(method as never, params as never) as Promise<Record<string, unknown>>;
	return { send, session };
}

/** The page's DuckDB worker, or null when it has none (yet). */
export async function workerSession(browser: Browser, page: Page): Promise<WorkerSession | null> {
	const { send: sendPage, session } = await pageSession(page);
	const { targetInfo } = (await sendPage('Target.getTargetInfo')) as {
		targetInfo: { targetId: string };
	};
	await session.detach();
	const browserSession = await browser.newBrowserCDPSession();
	const { targetInfos } = (await browserSession.send('Target.getTargets')) as {
		targetInfos: { targetId: string; type: string; url: string; parentFrameId?: string }[];
	};
	const worker = targetInfos.find(
		(t) =>
			t.type === 'worker' && t.url.includes('duckdb') && t.parentFrameId === targetInfo.targetId,
	);
	if (!worker) {
		await browserSession.detach();
		return null;
	}
	const { sessionId } = (await browserSession.send('Target.attachToTarget', {
		targetId: worker.targetId,
		flatten: false,
	} as never)) as { sessionId: string };
	let nextId = 1;
	const pending = new Map<number, (message: Record<string, unknown>) => void>();
	browserSession.on('Target.receivedMessageFromTarget' as never, (event: never) => {
		const { sessionId: from, message } = event as { sessionId: string; message: string };
		if (from !== sessionId) return;
		const parsed = JSON.parse(message) as { id?: number };
		if (parsed.id !== undefined) pending.get(parsed.id)?.(parsed as Record<string, unknown>);
	});
	const send: Send = async (method, params = {}) => {
		const id = nextId++;
		const reply = new Promise<Record<string, unknown>>((done) => pending.set(id, done));
		await browserSession.send(
			'Target.sendMessageToTarget' as never,
			{
				sessionId,
				message: JSON.stringify({ id, method, params }),
			} as never,
		);
		let timer: NodeJS.Timeout | undefined;
		const message = await Promise.race([
			reply,
			new Promise<never>((_, fail) => {
				timer = setTimeout(() => fail(new Error(`${method}: no answer from the worker`)), 60_000);
			}),
		]).finally(() => clearTimeout(timer));
		pending.delete(id);
		if (message.error) throw new Error(`${method}: ${JSON.stringify(message.error)}`);
		return message.result as Record<string, unknown>;
	};
	return { send, detach: () => browserSession.detach() };
}

/** The browser-level session, for SystemInfo. */
export function browserSession(browser: Browser): Promise<CDPSession> {
	return browser.newBrowserCDPSession();
}
