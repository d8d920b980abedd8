/**
 * The colour theme: follow the system, or always light, or always dark. The choice is remembered in
 * localStorage; the theme in force is written as `data-theme` on <html>, where src/app.css swaps its
 * colours. Exports read `resolved` (or pick a theme of their own) and are light unless asked otherwise.
 */

export type ThemeSetting = 'system' | 'light' | 'dark';
export type Theme = 'light' | 'dark';

export const THEME_SETTINGS: readonly ThemeSetting[] = ['system', 'light', 'dark'];
export const THEME_STORAGE_KEY = 'hdnd.theme';

/** A stored setting, or 'system' for anything missing or unknown. */
export function parseThemeSetting(value: string | null | undefined): ThemeSetting {
	return THEME_SETTINGS.includes(value as ThemeSetting) ? (value as ThemeSetting) : 'system';
}

/** The theme a setting means, given whether the system prefers dark. */
export function resolveTheme(setting: ThemeSetting, systemDark: boolean): Theme {
	if (setting === 'system') return systemDark ? 'dark' : 'light';
	return setting;
}

function readStored(): ThemeSetting {
	try {
		return parseThemeSetting(localStorage.getItem(THEME_STORAGE_KEY));
	} catch {
		// Storage can be disabled (private windows, policies): follow the system then.
		return 'system';
	}
}

export class ThemeState {
	setting: ThemeSetting = $state('system');
	systemDark = $state(false);

	constructor() {
		this.setting = readStored();
		const media = window.matchMedia?.('(prefers-color-scheme: dark)');
		if (media) {
			this.systemDark = media.matches;
			media.addEventListener('change', (event) => {
				this.systemDark = event.matches;
				this.apply();
			});
		}
		this.apply();
	}

	get resolved(): Theme {
		return resolveTheme(this.setting, this.systemDark);
	}

	set(setting: ThemeSetting): void {
		this.setting = setting;
		try {
			if (setting === 'system') localStorage.removeItem(THEME_STORAGE_KEY);
			else localStorage.setItem(THEME_STORAGE_KEY, setting);
		} catch {
			// Not remembered, but still applied for this visit.
		}
		this.apply();
	}

	/** Writes the theme in force on <html>; the CSS does the rest. */
	apply(): void {
		const root = document.documentElement;
		root.dataset.theme = this.resolved;
		root.dataset.themeSetting = this.setting;
	}
}

let instance: ThemeState | undefined;

/** The page's one theme state, created (and applied) on first use. */
export function getTheme(): ThemeState {
	instance ??= new ThemeState();
	return instance;
}
