import { activityQueryString, parseActivityQuery } from '@/lib/activity/activity-query';
import { parseUrlQuery, readParam, urlQueryString } from '@/lib/url-query/url-query';
import { z } from 'zod';

const TENANT = '385ECD4D-9B53-42C5-AFA6-4FD1D0685C2E';

describe('the activity page query', () => {
  test('reads tenant (lower-cased), kind, result and page; anything else falls back', () => {
    expect(
      parseActivityQuery({ tenant: TENANT, kind: 'rotate', result: 'failed', page: '3' }),
    ).toEqual({ tenant: TENANT.toLowerCase(), kind: 'rotate', result: 'failed', page: 3 });
    expect(
      parseActivityQuery(new URLSearchParams('tenant=x&kind=DROP%20TABLE&result=&page=-1&extra=1')),
    ).toEqual({ tenant: undefined, kind: undefined, result: undefined, page: 1 });
    expect(parseActivityQuery({ page: '100000' }).page).toBe(1);
    expect(parseActivityQuery({ kind: ['check', 'rotate'] }).kind).toBe('check');
  });

  test('links leave defaults out and keep the order', () => {
    expect(activityQueryString({ page: 1 })).toBe('');
    expect(activityQueryString({ page: 4, kind: 'check' }, { result: 'success', page: 1 })).toBe(
      '?kind=check&result=success',
    );
  });
});

describe('the shared URL query helper', () => {
  test('first value of a repeated key, from either shape', () => {
    expect(readParam({ a: ['1', '2'] }, 'a')).toBe('1');
    expect(readParam(new URLSearchParams('a=1&a=2'), 'a')).toBe('1');
    expect(readParam({}, 'a')).toBeUndefined();
  });

  test('parses only the named keys, empty counts as absent', () => {
    const schema = z.object({
      a: z.string().optional().catch(undefined),
      n: z.coerce.number().catch(7),
    });
    expect(parseUrlQuery(schema, { a: '', n: 'x', b: 'y' }, ['a', 'n'])).toEqual({
      a: undefined,
      n: 7,
    });
  });

  test('query strings skip empty and default values and encode the rest', () => {
    expect(urlQueryString({ q: 'a b&c', page: 1, sort: 'x' }, { page: 1, sort: 'x' })).toBe(
      '?q=a+b%26c',
    );
    expect(urlQueryString({ q: '', page: undefined })).toBe('');
  });
});
