/** The machine the benchmark ran on, for the report. */
import { existsSync, readFileSync } from 'node:fs';
import { availableParallelism, cpus, release, totalmem } from 'node:os';

export interface Machine {
	cpu: string;
	cores: number;
	memoryGiB: number;
	os: string;
	node: string;
	chromium: string;
	playwright: string;
}

function cpuModel(): string {
	if (existsSync('/proc/cpuinfo')) {
		const line = readFileSync('/proc/cpuinfo', 'utf8')
			.split('\n')
			.find((l) => l.startsWith('model name'));
		if (line) return line.split(':').slice(1).join(':').trim();
	}
	return cpus()[0]?.model ?? 'unknown';
}

function osName(): string {
	if (existsSync('/etc/os-release')) {
		const pretty = /^PRETTY_NAME="?([^"\n]*)"?/m.exec(readFileSync('/etc/os-release', 'utf8'));
		if (pretty?.[1]) return `${pretty[1]} (kernel ${release()})`;
	}
	return `${process.platform} ${release()}`;
}

export async function machineInfo(chromium: string): Promise<Machine> {
	const playwright = (await import('playwright-core/package.json', { with: { type: 'json' } }))
		.default.version;
	return {
		cpu: cpuModel(),
		cores: availableParallelism(),
		memoryGiB: Math.round((totalmem() / 2 ** 30) * 10) / 10,
		os: osName(),
		node: process.version,
		chromium,
		playwright,
	};
}
