/** Writes a command's output on stdout: the only thing that goes there. */
export function writeStdout(text: string): void {
  process.stdout.write(text);
}

/** JSON output: pretty, one document, newline-terminated, so `jq` and scripts can read it. */
export function writeJson(value: unknown): void {
  writeStdout(`${JSON.stringify(value, null, 2)}\n`);
}
