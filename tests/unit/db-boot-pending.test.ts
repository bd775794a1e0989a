import { isBootPending, type BootState } from '@/lib/db/boot-state';

const at = (status: BootState['status']): BootState => ({ status, attempts: 0, since: new Date() });

describe('whether a process may use the database yet', () => {
  it('not while its start-up migration runs, waits for the server or has failed', () => {
    expect(isBootPending(at('migrating'))).toBe(true);
    expect(isBootPending(at('waiting'))).toBe(true);
    expect(isBootPending(at('failed'))).toBe(true);
  });

  it('once migrated, and in processes that do not migrate (the console, tests)', () => {
    expect(isBootPending(at('ready'))).toBe(false);
    expect(isBootPending(at('none'))).toBe(false);
  });
});
