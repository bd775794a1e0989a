/** Writes a command's output on stdout: the only thing that goes there. */
export function writeStdout(text: string): void {
  process.stdout.write(text);
}

/** JSON output: pretty, one document, newline-terminated, so `jq` and scripts can read it. */
export function writeJson(value: unknown): void {
  writeStdout(`${JSON.stringify(value, null, 2)}\n`);
}

/** Copies a byte stream (the CSV export) to stdout chunk by chunk, waiting whenever the pipe is full. */
export async function writeStreamToStdout(stream: ReadableStream<Uint8Array>): Promise<void> {
  const reader = stream.getReader();
  for (let next = await reader.read(); !next.done; next = await reader.read()) {
    if (!process.stdout.write(next.value))
      await new Promise((resolve) => process.stdout.once('drain', resolve));
  }
}
