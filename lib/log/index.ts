import pino, { type Logger } from 'pino';
import { currentLogContext } from './context';
import { redact } from './redact';

export { withLogContext, currentLogContext } from './context';
export { redact, redactString } from './redact';

/**
 * The structured logger: one JSON object per line on stdout, each carrying the request and
 * correlation ids of the current request, with anything token-shaped redacted. Use it from
 * every server module instead of console.
 */
export const log: Logger = pino({
  level: process.env.LOG_LEVEL ?? 'info',
  base: { service: 'partner-portal' },
  timestamp: pino.stdTimeFunctions.isoTime,
  messageKey: 'msg',
  formatters: {
    level: (label) => ({ level: label }),
    log: (object) => redact(object) as Record<string, unknown>,
  },
  hooks: {
    logMethod(args, method) {
      // Scrub the message string too; pino does not pass it through formatters.log.
      const scrubbed = args.map((a) => (typeof a === 'string' ? (redact(a) as string) : a));
      method.apply(this, scrubbed as Parameters<typeof method>);
    },
  },
  mixin: () => ({ ...currentLogContext() }),
});
