/**
 * The console's exit codes, the contract for cron and scripts. Documented in `csp --help` and
 * the README; never renumbered.
 */
export const EXIT = {
  ok: 0,
  /** A connection needs a person: none stored, reconnect needed, or Partner Center refused the request. */
  needsHuman: 1,
  /** Configuration or infrastructure: invalid settings, Key Vault forbidden or down, a service unreachable. */
  infrastructure: 2,
  /** The command line itself is wrong: unknown option, malformed tenant or customer id (sysexits EX_USAGE). */
  usage: 64,
} as const;

export type ExitCode = (typeof EXIT)[keyof typeof EXIT];

export const EXIT_CODES_HELP = `
Exit codes:
  0   success (keepalive: every connection is healthy)
  1   a connection needs a person: not connected, reconnect needed, or Partner Center refused
  2   configuration or infrastructure: settings, Key Vault access, a service unreachable
  64  usage: unknown command or option, malformed tenant or customer id`;
