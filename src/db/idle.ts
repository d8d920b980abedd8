/**
 * Run `task` once the page has nothing to do, or after `timeoutMs` at the latest; where the browser cannot
 * tell when it is idle (Node in the unit tests, older engines), soon after the current task.
 */
export function whenIdle(task: () => void, timeoutMs: number): void {
	if (typeof requestIdleCallback === 'function') requestIdleCallback(task, { timeout: timeoutMs });
	else setTimeout(task, 1);
}
