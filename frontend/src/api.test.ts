import { describe, expect, test } from 'vitest';
import { leaderboardUrl, normalizePage, toApiError } from './api';

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
});
