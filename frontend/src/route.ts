// Hash routes and the leaderboard's sort / filter / page state, kept in the URL so a view can be
// bookmarked, shared and restored with the back button.

import { TRIAL_STATUSES, type LeaderboardParams, type TrialStatus } from './api';

export type Route =
  | { name: 'list'; query: URLSearchParams }
  | { name: 'new'; query: URLSearchParams }
  | { name: 'search'; id: number; query: URLSearchParams }
  | { name: 'trial'; id: number; query: URLSearchParams }
  | { name: 'models'; query: URLSearchParams }
  | { name: 'model'; id: number; query: URLSearchParams }
  | { name: 'notfound'; query: URLSearchParams };

export function parseRoute(hash: string): Route {
  const h = hash.replace(/^#/, '');
  const q = h.indexOf('?');
  const path = (q >= 0 ? h.slice(0, q) : h).replace(/\/+$/, '') || '/';
  const query = new URLSearchParams(q >= 0 ? h.slice(q + 1) : '');
  if (path === '/' || path === '' || path === '/searches') return { name: 'list', query };
  if (path === '/new') return { name: 'new', query };
  if (path === '/models') return { name: 'models', query };
  let m = /^\/searches\/(\d+)$/.exec(path);
  if (m) return { name: 'search', id: Number(m[1]), query };
  m = /^\/trials\/(\d+)$/.exec(path);
  if (m) return { name: 'trial', id: Number(m[1]), query };
  m = /^\/models\/(\d+)$/.exec(path);
  if (m) return { name: 'model', id: Number(m[1]), query };
  return { name: 'notfound', query };
}

/** Sort keys the API accepts; parameters live in JSON and are not sortable by the database. */
export const SORT_KEYS = ['number', 'status', 'valLoss', 'bestValLoss', 'valAccuracy', 'valF1', 'valR2', 'valRmse', 'valMae', 'trainLoss', 'epochsRun', 'durationMs', 'stage'] as const;
export type SortKey = (typeof SORT_KEYS)[number];

export const PAGE_SIZES = [10, 25, 50, 100];

export interface BoardState extends LeaderboardParams {
  sort: SortKey;
  /** The trial whose detail is open, if any. */
  trial: number | null;
}

export const DEFAULT_BOARD: BoardState = { sort: 'valLoss', dir: 'asc', status: [], page: 0, size: 25, trial: null };

/** Reads the board state from a query string; anything invalid falls back to its default. */
export function boardFromQuery(q: URLSearchParams): BoardState {
  const sort = (SORT_KEYS as readonly string[]).includes(q.get('sort') ?? '') ? (q.get('sort') as SortKey) : DEFAULT_BOARD.sort;
  const dirRaw = q.get('dir');
  const dir = dirRaw === 'asc' || dirRaw === 'desc' ? dirRaw : naturalDir(sort);
  const status = (q.get('status') ?? '')
    .split(',')
    .map((s) => s.trim().toUpperCase())
    .filter((s): s is TrialStatus => (TRIAL_STATUSES as readonly string[]).includes(s));
  const page = Math.max(0, Math.floor(Number(q.get('page') ?? 0)) || 0);
  const sizeRaw = Number(q.get('size') ?? DEFAULT_BOARD.size);
  const size = PAGE_SIZES.includes(sizeRaw) ? sizeRaw : DEFAULT_BOARD.size;
  const trialRaw = Number(q.get('trial'));
  const trial = q.has('trial') && Number.isInteger(trialRaw) && trialRaw > 0 ? trialRaw : null;
  return { sort, dir, status: [...new Set(status)].sort(byStatusOrder), page, size, trial };
}

function byStatusOrder(a: TrialStatus, b: TrialStatus): number {
  return TRIAL_STATUSES.indexOf(a) - TRIAL_STATUSES.indexOf(b);
}

/** The query string for a board state, leaving defaults out. */
export function boardToQuery(s: BoardState): string {
  const p = new URLSearchParams();
  if (s.sort !== DEFAULT_BOARD.sort) p.set('sort', s.sort);
  if (s.dir !== naturalDir(s.sort)) p.set('dir', s.dir);
  if (s.status.length > 0) p.set('status', [...s.status].sort(byStatusOrder).join(','));
  if (s.page !== 0) p.set('page', String(s.page));
  if (s.size !== DEFAULT_BOARD.size) p.set('size', String(s.size));
  if (s.trial !== null) p.set('trial', String(s.trial));
  return p.toString();
}

/** The direction a column sorts in first: best first (highest accuracy, lowest loss, ...). */
export function naturalDir(key: SortKey): 'asc' | 'desc' {
  // scores where higher is better start descending; losses and errors ascending
  return key === 'valAccuracy' || key === 'valF1' || key === 'valR2' ? 'desc' : 'asc';
}

/** Clicking a header: the same column flips direction, another starts in its natural one; back to page 0. */
export function toggleSort(s: BoardState, key: SortKey): BoardState {
  const dir = s.sort === key ? (s.dir === 'asc' ? 'desc' : 'asc') : naturalDir(key);
  return { ...s, sort: key, dir, page: 0 };
}

export function toggleStatus(s: BoardState, status: TrialStatus): BoardState {
  const set = new Set(s.status);
  if (set.has(status)) set.delete(status);
  else set.add(status);
  return { ...s, status: [...set].sort(byStatusOrder), page: 0 };
}

export function searchHref(id: number, s: BoardState = DEFAULT_BOARD): string {
  const q = boardToQuery(s);
  return `#/searches/${id}${q ? `?${q}` : ''}`;
}
