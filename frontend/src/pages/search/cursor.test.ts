import { describe, expect, it } from 'vitest';
import type { TrialRow } from '../../api';
import { DEFAULT_BOARD, type BoardState } from '../../route';
import { afterFor, nextCursor } from './cursor';

const rows = (...numbers: number[]) => numbers.map((number) => ({ number }) as TrialRow);
const board = (change: Partial<BoardState>): BoardState => ({ ...DEFAULT_BOARD, ...change });

describe('leaderboard keyset cursor', () => {
  it('leads from the last row of the page on screen to the next page only', () => {
    const cursor = nextCursor(board({ page: 3 }), rows(7, 2, 9));
    expect(afterFor(cursor, board({ page: 4 }))).toBe(9);
    expect(afterFor(cursor, board({ page: 5 })), 'a jump').toBeUndefined();
    expect(afterFor(cursor, board({ page: 2 })), 'previous').toBeUndefined();
    expect(afterFor(cursor, board({ page: 4, dir: 'desc' })), 'another direction').toBeUndefined();
    expect(afterFor(cursor, board({ page: 4, status: ['COMPLETED'] })), 'another filter').toBeUndefined();
    expect(afterFor(cursor, board({ page: 4, size: 50 })), 'another size').toBeUndefined();
  });

  it('is absent for an empty page and before any Next', () => {
    expect(nextCursor(board({ page: 1 }), [])).toBeNull();
    expect(afterFor(null, board({ page: 1 }))).toBeUndefined();
  });
});
