/** Save bytes or text as a file through the browser's download. */
export function download(name: string, data: string | Uint8Array, type: string): void {
	const part: BlobPart = typeof data === 'string' ? data : new Uint8Array(data);
	const url = URL.createObjectURL(new Blob([part], { type }));
	const link = document.createElement('a');
	link.href = url;
	link.download = name;
	link.style.display = 'none';
	document.body.append(link);
	link.click();
	link.remove();
	setTimeout(() => URL.revokeObjectURL(url), 10_000);
}
