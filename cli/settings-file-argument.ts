/**
 * The value of `--settings <file>` (or `--settings=<file>`) anywhere on the command line. Read
 * before commander runs, because settings must be in place before lib/ loads; commander then
 * accepts the same option (see build-program) so it shows in --help and is not "unknown".
 * Not called `--env-file`: Node 20 takes that flag for itself even after the script name.
 */
export function settingsFileArgument(argv: readonly string[]): string | undefined {
  for (let i = 2; i < argv.length; i++) {
    const arg = argv[i]!;
    if (arg === '--') return undefined;
    if (arg === '--settings') return argv[i + 1];
    if (arg.startsWith('--settings=')) return arg.slice('--settings='.length);
  }
  return undefined;
}
