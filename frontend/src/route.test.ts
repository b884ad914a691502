import { describe, expect, test } from 'vitest';
import { boardFromQuery, boardToQuery, DEFAULT_BOARD, parseRoute, searchHref, toggleSort, toggleStatus } from './route';

describe('parseRoute', () => {
  test('pages and ids', () => {
    expect(parseRoute('').name).toBe('list');
    expect(parseRoute('#/').name).toBe('list');
    expect(parseRoute('#/new').name).toBe('new');
    expect(parseRoute('#/searches/12?sort=number')).toMatchObject({ name: 'search', id: 12 });
    expect(parseRoute('#/searches/12?sort=number').query.get('sort')).toBe('number');
    expect(parseRoute('#/trials/7')).toMatchObject({ name: 'trial', id: 7 });
    expect(parseRoute('#/models')).toMatchObject({ name: 'models' });
    expect(parseRoute('#/models/12')).toMatchObject({ name: 'model', id: 12 });
    expect(parseRoute('#/models/x')).toMatchObject({ name: 'notfound' });
    expect(parseRoute('#/searches/x').name).toBe('notfound');
  });
});

describe('board state in the URL', () => {
  test('defaults leave the query empty', () => {
    expect(boardToQuery(DEFAULT_BOARD)).toBe('');
    expect(boardFromQuery(new URLSearchParams())).toEqual(DEFAULT_BOARD);
  });

  test('round-trips every field', () => {
    const s = { sort: 'durationMs' as const, dir: 'desc' as const, status: ['COMPLETED' as const, 'DIVERGED' as const], page: 3, size: 50, trial: 99 };
    const q = boardToQuery(s);
    expect(q).toBe('sort=durationMs&dir=desc&status=COMPLETED%2CDIVERGED&page=3&size=50&trial=99');
    expect(boardFromQuery(new URLSearchParams(q))).toEqual(s);
  });

  test('invalid values fall back to defaults; statuses are normalized', () => {
    const s = boardFromQuery(new URLSearchParams('sort=params&dir=up&status=failed,bogus,COMPLETED,failed&page=-2&size=7&trial=abc'));
    expect(s).toEqual({ ...DEFAULT_BOARD, status: ['COMPLETED', 'FAILED'] });
  });

  test('accuracy sorts descending first; a column clicked twice flips', () => {
    const a = toggleSort({ ...DEFAULT_BOARD, page: 4 }, 'valAccuracy');
    expect(a).toMatchObject({ sort: 'valAccuracy', dir: 'desc', page: 0 });
    expect(boardToQuery(a)).toBe('sort=valAccuracy');
    expect(toggleSort(a, 'valAccuracy').dir).toBe('asc');
    // R² and F1 are better higher, RMSE and MAE lower
    expect(toggleSort(DEFAULT_BOARD, 'valR2').dir).toBe('desc');
    expect(toggleSort(DEFAULT_BOARD, 'valF1').dir).toBe('desc');
    expect(toggleSort(DEFAULT_BOARD, 'valRmse').dir).toBe('asc');
    expect(toggleSort(DEFAULT_BOARD, 'valMae').dir).toBe('asc');
    expect(toggleSort(DEFAULT_BOARD, 'valLoss').dir).toBe('desc');
  });

  test('status filter toggles and resets the page', () => {
    const s = toggleStatus({ ...DEFAULT_BOARD, page: 2 }, 'FAILED');
    expect(s).toMatchObject({ status: ['FAILED'], page: 0 });
    expect(toggleStatus(toggleStatus(s, 'COMPLETED'), 'FAILED').status).toEqual(['COMPLETED']);
  });

  test('searchHref', () => {
    expect(searchHref(5)).toBe('#/searches/5');
    expect(searchHref(5, { ...DEFAULT_BOARD, trial: 3 })).toBe('#/searches/5?trial=3');
  });
});
