import pino from 'pino';
import { log } from '@/lib/log';

/**
 * Points the shared logger at stderr. The console's stdout carries only its output (tables,
 * JSON, CSV) so it can be piped; lib/ logs (rotations, retries, warnings) must not land in it.
 * pino reads the logger's stream through `pino.symbols.streamSym` on every write, and child
 * loggers inherit it, so swapping it once here redirects every log line of the process.
 */
export function sendLogsToStderr(): void {
  (log as unknown as Record<symbol, unknown>)[pino.symbols.streamSym] = pino.destination({
    dest: 2,
    sync: true,
  });
}
