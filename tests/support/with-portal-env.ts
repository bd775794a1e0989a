import { resetConfigForTests } from '@/lib/config';

/**
 * Runs the current file (or describe block) with some portal settings changed: `undefined`
 * removes a variable. The parsed configuration, and anything else `onChange` resets, is rebuilt
 * on the way in and again after the settings are restored.
 */
export function withPortalEnv(
  overrides: Record<string, string | undefined>,
  onChange: () => void = () => {},
): void {
  const saved = Object.fromEntries(Object.keys(overrides).map((k) => [k, process.env[k]]));
  const apply = (values: Record<string, string | undefined>) => {
    for (const [k, v] of Object.entries(values)) {
      if (v === undefined) delete process.env[k];
      else process.env[k] = v;
    }
    resetConfigForTests();
    onChange();
  };
  beforeAll(() => apply(overrides));
  afterAll(() => apply(saved));
}
