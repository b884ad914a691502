// The search page's one state object: what the server last said, and what the URL asks to see.
// Components read it to render; only the refresh coordinator (refresh.ts) and the page's URL handling
// (page.ts) write it.
import type { ChartData, Importance, Page, SearchDetail, TrialDetail, TrialRow } from '../../api';
import { DEFAULT_IMPORTANCE, type ImportanceSettings } from '../../importanceSettings';
import { boardFromQuery, type BoardState } from '../../route';
import type { BoardCursor } from './cursor';

export const TOP_K_CHOICES = [3, 5, 10];

export interface SearchPageState {
  readonly id: number;
  /** Sort, filter, page and selected trial: the URL's query. */
  board: BoardState;
  /** The header's detail; its best trial is also the leaderboard's best marker. */
  detail: SearchDetail | null;
  /** The leaderboard page on screen (live events move its rows on between reads). */
  rows: TrialRow[];
  page: Page<TrialRow> | null;
  /** Set by "Next": the page after it is read by keyset (cursor.ts). */
  cursor: BoardCursor | null;
  charts: ChartData | null;
  /** Which parameters matter (its own request, refreshed like the charts). */
  importance: Importance | null;
  /** Which trials importance is measured over (the chart's controls). */
  importanceSettings: ImportanceSettings;
  /** How many of the best trials' curves are drawn. */
  topK: number;
  /** The selected trial's detail, once loaded. */
  trial: TrialDetail | null;
  disposed: boolean;
}

export function initialState(id: number, query: URLSearchParams): SearchPageState {
  return { id, board: boardFromQuery(query), detail: null, rows: [], page: null, cursor: null, charts: null, importance: null, importanceSettings: { ...DEFAULT_IMPORTANCE }, topK: 5, trial: null, disposed: false };
}

/** The trials whose curves are drawn: the top k by val loss. */
export function topTrialIds(s: SearchPageState): Set<number> {
  return new Set((s.charts?.curves ?? []).slice(0, s.topK).map((c) => c.id));
}

/** Whether two board states ask the server for different leaderboard pages. */
export function samePage(a: BoardState, b: BoardState): boolean {
  return a.sort === b.sort && a.dir === b.dir && a.page === b.page && a.size === b.size && a.status.join() === b.status.join();
}
