import type { EmulatorContext } from '../core/service';
import type { Directory } from '../directory/directory';
import type { EntraStore } from './state/store';

/** What every Entra handler needs: the emulator context, the directory and the state store. */
export interface EntraDeps {
  ctx: Pick<EmulatorContext, 'clock' | 'keys' | 'urls' | 'fleet'>;
  directory: Directory;
  store: EntraStore;
  /** PEM (certificate + private key) of the portal app's registered certificate, for the manifest. */
  portalCertificatePath?: string;
}
