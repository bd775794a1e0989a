import type { EmulatorContext } from '../core/service';
import type { Directory } from '../directory/directory';

/** What the Graph routes share. */
export interface GraphDeps {
  ctx: Pick<EmulatorContext, 'clock' | 'keys' | 'urls'>;
  directory: Directory;
}
