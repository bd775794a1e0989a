import { CommanderError } from 'commander';
import { withLogContext } from '@/lib/log';
import { buildProgram } from './build-program';
import { EXIT } from './exit-codes';
import { reportError } from './handle-error';
import { sendLogsToStderr } from './send-logs-to-stderr';

/**
 * Runs one command line and exits with its code once stdout and stderr are flushed. Commander's
 * own usage errors are already printed when they arrive here; everything else is reported by
 * handle-error, never as a stack trace.
 */
export async function runCli(argv: string[]): Promise<void> {
  sendLogsToStderr();
  // `csp customers … | head` closes the pipe early: that is success, not a crash.
  process.stdout.on('error', (e: NodeJS.ErrnoException) => {
    if (e.code === 'EPIPE') process.exit(process.exitCode ?? EXIT.ok);
  });
  exitWhenFlushed(await runCommandLine(argv));
}

/**
 * One command line, start to end, as an exit code (without exiting): the security suite runs
 * its table of hostile arguments through this in one process.
 */
export async function runCommandLine(argv: string[]): Promise<number> {
  try {
    // One correlation id per run: every Partner Center call of this command carries it.
    await withLogContext(() => buildProgram().parseAsync(argv));
    return Number(process.exitCode ?? EXIT.ok);
  } catch (e) {
    return e instanceof CommanderError ? (e.exitCode === 0 ? EXIT.ok : EXIT.usage) : reportError(e);
  }
}

/** process.exit drops buffered pipe output; wait until both streams have handed it to the OS. */
function exitWhenFlushed(code: number): void {
  process.stdout.write('', () => process.stderr.write('', () => process.exit(code)));
}
