import { settingsFileArgument } from '@/cli/settings-file-argument';

describe('settingsFileArgument', () => {
  const argv = (...args: string[]) => ['node', 'csp', ...args];

  it('finds --settings <file> and --settings=<file>, before or after the command', () => {
    expect(settingsFileArgument(argv('--settings', '/etc/p.env', 'keepalive'))).toBe('/etc/p.env');
    expect(settingsFileArgument(argv('keepalive', '--all', '--settings=/etc/p.env'))).toBe(
      '/etc/p.env',
    );
  });

  it('is undefined when absent, and ignores what follows --', () => {
    expect(settingsFileArgument(argv('connections', '--json'))).toBeUndefined();
    expect(settingsFileArgument(argv('customers', '--', '--settings', 'x'))).toBeUndefined();
  });
});
