import 'server-only';
import { ConfigError, getConfig } from './index';

/** Exits the server process with the list of bad variables when the configuration is invalid. */
export function assertConfigAtStartup(): void {
  try {
    getConfig();
  } catch (e) {
    if (!(e instanceof ConfigError)) throw e;
    console.error(e.message);
    process.exit(1);
  }
}
