import { afterEach, describe, expect, test, vi } from 'vitest';
import { api, csrfHeader, leaderboardUrl, normalizePage, toApiError, type ParameterCatalog } from './api';

describe('api helpers', () => {
  test('leaderboard url', () => {
    expect(leaderboardUrl(3, { sort: 'valLoss', dir: 'asc', status: [], page: 0, size: 25 }))
      .toBe('/api/searches/3/trials?sort=valLoss&dir=asc&page=0&size=25');
    expect(leaderboardUrl(3, { sort: 'number', dir: 'desc', status: ['COMPLETED', 'DIVERGED'], page: 2, size: 10 }))
      .toBe('/api/searches/3/trials?sort=number&dir=desc&page=2&size=10&status=COMPLETED%2CDIVERGED');
  });

  test('pages in either shape', () => {
    expect(normalizePage({ items: [1], page: 0, size: 1, totalElements: 5, totalPages: 5 }).totalPages).toBe(5);
    expect(normalizePage({ content: [1, 2], number: 1, size: 2, totalElements: 4, totalPages: 2 })).toEqual({
      items: [1, 2], page: 1, size: 2, totalElements: 4, totalPages: 2,
    });
  });

  test('problem+json becomes an ApiError with field errors', async () => {
    const res = new Response(JSON.stringify({
      type: 'about:blank', title: 'Invalid search spec', status: 400, detail: 'space.lr: unknown',
      errors: [{ field: 'space.lr', message: 'unknown parameter' }],
    }), { status: 400, headers: { 'Content-Type': 'application/problem+json' } });
    const e = await toApiError(res);
    expect(e.status).toBe(400);
    expect(e.title).toBe('Invalid search spec');
    expect(e.errors).toEqual([{ field: 'space.lr', message: 'unknown parameter' }]);
  });

  afterEach(() => vi.unstubAllGlobals());

  test('the parameter catalogue is read from GET /api/parameters', async () => {
    const catalogue: ParameterCatalog = {
      parameters: [{
        name: 'momentum', type: 'float', min: 0, max: 1, minInclusive: true, maxInclusive: false, values: null,
        default: 0.9, description: 'Momentum coefficient', logScale: false,
        condition: { parameter: 'optimizer', values: ['momentum'], atLeast: null, text: 'optimizer is momentum' },
      }],
      strategies: [{ name: 'grid', description: 'Every combination', settings: [] }],
      pruners: [{
        name: 'asha', description: 'Successive halving',
        settings: [{ name: 'eta', type: 'int', min: 2, max: 10000, minInclusive: true, maxInclusive: true, default: 3, description: 'factor' }],
      }],
    };
    const fetch = vi.fn(async () => new Response(JSON.stringify(catalogue), { status: 200 }));
    vi.stubGlobal('fetch', fetch);
    expect(await api.parameters()).toEqual(catalogue);
    expect(fetch).toHaveBeenCalledWith('/api/parameters', expect.objectContaining({ method: 'GET' }));
  });
});

describe('csrfHeader', () => {
  test('echoes the XSRF-TOKEN cookie in X-XSRF-TOKEN, and nothing without it', () => {
    expect(csrfHeader('a=1; XSRF-TOKEN=abc%3D; b=2')).toEqual({ 'X-XSRF-TOKEN': 'abc=' });
    expect(csrfHeader('XSRF-TOKEN=first')).toEqual({ 'X-XSRF-TOKEN': 'first' });
    expect(csrfHeader('NOT-XSRF-TOKEN=x; other=1')).toEqual({});
    expect(csrfHeader('')).toEqual({});
  });
});
