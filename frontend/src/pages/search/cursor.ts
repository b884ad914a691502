// The leaderboard's keyset cursor: "Next" remembers the last trial of the page it leaves, and the page after it
// is read from just after that trial (a deep page then costs the server what the first does). The cursor holds
// only for the exact page it was made for; any other page (a jump, Previous, another sort or filter) is read by
// offset.
import type { TrialRow } from '../../api';
import type { BoardState } from '../../route';

export interface BoardCursor {
  /** The page the cursor leads to: sort, direction, filter, size and page number. */
  readonly key: string;
  /** The number of the last trial on the page before it. */
  readonly after: number;
}

function pageKey(b: BoardState, page: number): string {
  return [b.sort, b.dir, b.status.join(','), b.size, page].join('|');
}

/** The cursor to the page after the one on screen, or null when that page has no rows. */
export function nextCursor(board: BoardState, rows: readonly TrialRow[]): BoardCursor | null {
  const last = rows[rows.length - 1];
  return last ? { key: pageKey(board, board.page + 1), after: last.number } : null;
}

/** The cursor's trial number when it was made for this very page; otherwise undefined (read by offset). */
export function afterFor(cursor: BoardCursor | null, board: BoardState): number | undefined {
  return cursor !== null && board.page > 0 && cursor.key === pageKey(board, board.page) ? cursor.after : undefined;
}
