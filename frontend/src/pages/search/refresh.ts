// When the search page reads what: the one place that coordinates its refreshes.
//  - First visit: header, leaderboard, charts and importance are asked for at once; the chart library is
//    loaded once header and leaderboard are shown, and the charts once the header has said which parameters vary.
//  - While the search runs, batched server-sent events move visible rows on at once and ask for
//    re-reads, throttled: header + leaderboard every BOARD_REFRESH_MS at most, charts every
//    CHART_REFRESH_MS, the selected trial every TRIAL_REFRESH_MS.
//  - When the search ends (its event, or a read seeing a final status) header, leaderboard, charts and
//    the selected trial are read once more at once (Throttle.requestNow), so that nothing stays at an
//    earlier, throttled state; trials still stopping after a cancel are polled for.
//  - Which parameters matter (importance) is read beside the charts, on the same triggers and throttle.
//  - An older answer never replaces a newer one: the leaderboard's previous request is aborted, and a
//    charts or importance answer is shown only if no later-asked one has been shown.
import { api, isActive, type ChartData, type Importance } from '../../api';
import { loadEcharts } from '../../charts/host';
import { announce } from '../../dom';
import { applyToRows, Throttle, type Collapsed } from '../../events';
import type { BoardState } from '../../route';
import { afterFor } from './cursor';
import { LiveFeed } from './liveFeed';
import { TOP_K_CHOICES, type SearchPageState } from './state';

const BOARD_REFRESH_MS = 500;
const CHART_REFRESH_MS = 2000;
const TRIAL_REFRESH_MS = 1000;
const FINISHING_POLL_MS = 1000;

/** What the coordinator asks the page's components to show after a read. */
export interface SearchViews {
  /** The detail arrived: header, stages, filters, and (after the first) the board's best marker. */
  summary(first: boolean): void;
  /** A leaderboard page arrived (table and pager). */
  board(): void;
  /** Events moved the rows on screen (table only). */
  rows(): void;
  /** Chart aggregates arrived (charts, and the board's top-k marks). */
  charts(): void;
  chartsFailed(err: unknown): void;
  /** Importance shares arrived. */
  importance(): void;
  importanceFailed(err: unknown): void;
  /** The live connection's state beside the leaderboard heading. */
  live(text: string): void;
  /** Reloads the selected trial. */
  trial(): Promise<void>;
  /** The URL asks for a page past the end: go to the last one. */
  go(board: BoardState): void;
}

interface Asked<T> {
  seq: number;
  answer: Promise<T>;
}

/** One kind of read whose answers are numbered as asked: an answer is shown only if no later-asked one has been. */
class LatestAnswer<T> {
  private asked = 0;
  private shown = 0;

  constructor(
    private readonly read: () => Promise<T>,
    private readonly views: { show(answer: T): void; failed(err: unknown): void; disposed(): boolean },
  ) {}

  ask(): Asked<T> {
    const answer = this.read();
    answer.catch(() => undefined); // handled in show, perhaps later
    return { seq: ++this.asked, answer };
  }

  async show(req: Asked<T>): Promise<void> {
    let a: T;
    try {
      a = await req.answer;
    } catch (err) {
      if (!this.views.disposed()) this.views.failed(err);
      return;
    }
    // An answer to an older request (the first one, slow while the search ran on) never replaces a newer one.
    if (this.views.disposed() || req.seq < this.shown) return;
    this.shown = req.seq;
    this.views.show(a);
  }
}

export class SearchRefresh {
  private readonly summaryAndBoard = new Throttle(async () => {
    await Promise.all([this.loadSummary(), this.loadBoard()]);
  }, BOARD_REFRESH_MS);
  private readonly chartData = new LatestAnswer<ChartData>(() => api.charts(this.state.id, Math.max(...TOP_K_CHOICES), []), {
    show: (c) => {
      this.state.charts = c;
      this.views.charts();
    },
    failed: (err) => this.views.chartsFailed(err),
    disposed: () => this.state.disposed,
  });
  private readonly importanceData = new LatestAnswer<Importance>(() => api.importance(this.state.id, this.state.importanceSettings), {
    show: (imp) => {
      this.state.importance = imp;
      this.views.importance();
    },
    failed: (err) => this.views.importanceFailed(err),
    disposed: () => this.state.disposed,
  });
  private readonly charts = new Throttle(() => this.chartData.show(this.chartData.ask()), CHART_REFRESH_MS);
  private readonly importance = new Throttle(() => this.importanceData.show(this.importanceData.ask()), CHART_REFRESH_MS);
  private readonly trial = new Throttle(() => this.views.trial(), TRIAL_REFRESH_MS);
  /** After a cancel the event stream has ended with the search; trials still stopping are polled for. */
  private readonly finishing = new Throttle(async () => {
    this.summaryAndBoard.request();
    this.charts.request();
    this.importance.request();
  }, FINISHING_POLL_MS);
  private readonly feed: LiveFeed;
  private boardCtrl: AbortController | null = null;
  /** Whether the last refresh after the search ended has been asked for. */
  private settled = false;

  constructor(private readonly state: SearchPageState, private readonly views: SearchViews) {
    this.feed = new LiveFeed(state.id, {
      batch: (c) => this.afterEvents(c),
      opened: () => {
        views.live('live');
        this.summaryAndBoard.request(); // catch up on what happened while (re)connecting
      },
      reconnecting: () => views.live('reconnecting…'),
    });
  }

  /**
   * The first reads. Rejects when the header or the leaderboard cannot be read; calls ready() once they
   * are shown, before the charts arrive.
   */
  async start(ready: () => void): Promise<void> {
    const first = Promise.all([this.loadSummary(), this.loadBoard()]);
    const charts = this.chartData.ask();
    const importance = this.importanceData.ask();
    await first;
    if (isActive(this.state.detail?.status)) this.feed.open();
    ready();
    // The chart library (a chunk 7 times the page's script) is fetched only now: evaluating it while the
    // leaderboard's answer arrives would hold the rows back.
    void loadEcharts().catch(() => undefined);
    await Promise.all([this.chartData.show(charts), this.importanceData.show(importance)]);
  }

  /** The URL asks for another leaderboard page (sort, filter, page, size). */
  boardChanged(): void {
    void this.loadBoard().catch(() => undefined);
  }

  /** A cancel was sent: the header now, everything else at the next throttled refresh. */
  async afterCancel(): Promise<void> {
    await this.loadSummary().catch(() => undefined);
    this.summaryAndBoard.request();
  }

  private afterEvents(c: Collapsed): void {
    const s = this.state;
    if (s.disposed) return;
    const applied = applyToRows(s.rows, c);
    if (applied.changed) {
      s.rows = applied.rows;
      this.views.rows();
    }
    if (c.statusChanged || c.anyFinished || c.search) this.summaryAndBoard.request();
    if (c.anyFinished || c.search) {
      this.charts.request();
      this.importance.request();
    }
    if (s.board.trial !== null && c.trials.some((t) => t.trialId === s.board.trial)) this.trial.request();
    if (c.search && !isActive(c.search)) {
      this.settle();
      this.closeFeed();
      announce(`Search ${c.search.toLowerCase()}`);
    }
  }

  /** The importance controls changed: read it again now. */
  importanceSettingsChanged(): void {
    this.importance.requestNow();
  }

  /** The search has ended: one last read of everything, at once. */
  private settle(): void {
    if (this.settled || this.state.disposed) return;
    this.settled = true;
    this.summaryAndBoard.requestNow();
    this.charts.requestNow();
    this.importance.requestNow();
    if (this.state.board.trial !== null) this.trial.requestNow();
  }

  private async loadSummary(): Promise<void> {
    const s = this.state;
    const d = await api.search(s.id);
    if (s.disposed) return;
    const first = s.detail === null;
    s.detail = d;
    this.views.summary(first);
    if (!isActive(d.status)) {
      if (!first) this.settle();
      this.closeFeed();
      if (d.progress.running > 0) this.finishing.request();
    }
  }

  private async loadBoard(): Promise<void> {
    const s = this.state;
    this.boardCtrl?.abort();
    this.boardCtrl = new AbortController();
    const p = await api.trials(s.id, s.board, this.boardCtrl.signal, afterFor(s.cursor, s.board));
    if (s.disposed) return;
    if (p.totalPages > 0 && s.board.page >= p.totalPages) {
      this.views.go({ ...s.board, page: p.totalPages - 1 });
      return;
    }
    s.page = p;
    s.rows = p.items;
    this.views.board();
    this.views.live(isActive(s.detail?.status) ? 'live' : '');
  }

  private closeFeed(): void {
    this.feed.close();
    this.views.live('');
  }

  dispose(): void {
    this.feed.dispose();
    this.summaryAndBoard.dispose();
    this.charts.dispose();
    this.importance.dispose();
    this.trial.dispose();
    this.finishing.dispose();
    this.boardCtrl?.abort();
  }
}
