import type { AlertKind } from '@/lib/alerts/alert-kinds';
import { alertConditionOf, decideTransition, type ObservedHealth } from '@/lib/alerts/alert-rules';

const healthy: ObservedHealth = { status: 'healthy', daysLeft: 80, consecutiveFailures: 0 };

describe('alertConditionOf', () => {
  it.each<[string, Partial<ObservedHealth>, number, AlertKind | null]>([
    ['healthy', {}, 14, null],
    ['revoked', { status: 'revoked' }, 14, 'revoked'],
    ['expired', { status: 'expired', daysLeft: 0 }, 14, 'expired'],
    ['MFA missing', { status: 'mfa_missing' }, 14, 'mfa_missing'],
    [
      'an error once or twice is not yet an alert',
      { status: 'error', consecutiveFailures: 2 },
      14,
      null,
    ],
    ['failing checks 3 times in a row', { status: 'error', consecutiveFailures: 3 }, 14, 'failing'],
    [
      'a dead sign-in outranks failing checks',
      { status: 'revoked', consecutiveFailures: 5 },
      14,
      'revoked',
    ],
    ['the health card says expiring', { status: 'expiring', daysLeft: 14 }, 14, 'expiring'],
    ['15 days left with a 14-day threshold', { daysLeft: 15 }, 14, null],
    ['crossing a 30-day threshold', { daysLeft: 30 }, 30, 'expiring'],
    ['just above a 30-day threshold', { daysLeft: 31 }, 30, null],
    [
      'failing outranks expiring',
      { status: 'error', consecutiveFailures: 3, daysLeft: 5 },
      14,
      'failing',
    ],
  ])('%s', (_name, change, threshold, expected) => {
    expect(alertConditionOf({ ...healthy, ...change }, threshold)).toBe(expected);
  });
});

describe('decideTransition', () => {
  it('first sight is a baseline: known state, no message', () => {
    expect(decideTransition(undefined, 'revoked')).toEqual({ type: 'baseline', open: 'revoked' });
    expect(decideTransition(undefined, null)).toEqual({ type: 'baseline', open: null });
  });
  it('the same condition again says nothing', () => {
    expect(decideTransition({ condition: 'expiring' }, 'expiring')).toEqual({ type: 'none' });
    expect(decideTransition({ condition: null }, null)).toEqual({ type: 'none' });
  });
  it('a new condition fires once, replacing a different one', () => {
    expect(decideTransition({ condition: null }, 'expiring')).toEqual({
      type: 'fire',
      open: 'expiring',
      replaces: null,
    });
    expect(decideTransition({ condition: 'expiring' }, 'expired')).toEqual({
      type: 'fire',
      open: 'expired',
      replaces: 'expiring',
    });
  });
  it('healthy again resolves', () => {
    expect(decideTransition({ condition: 'failing' }, null)).toEqual({
      type: 'resolve',
      was: 'failing',
    });
  });
});
