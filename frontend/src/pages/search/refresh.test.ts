import { afterEach, beforeEach, describe, expect, test, vi } from 'vitest';
import type { ChartData, Importance, SearchDetail } from '../../api';

const api = vi.hoisted(() => ({ search: vi.fn(), trials: vi.fn(), charts: vi.fn(), importance: vi.fn(), eventsUrl: (id: number) => `/events/${id}` }));
vi.mock('../../api', async (original) => ({ ...(await original<typeof import('../../api')>()), api }));
const loadEcharts = vi.hoisted(() => vi.fn(() => Promise.resolve({})));
vi.mock('../../charts/host', () => ({ loadEcharts }));
vi.mock('../../dom', () => ({ announce: () => undefined }));

const { SearchRefresh } = await import('./refresh');
const { initialState } = await import('./state');

/** An EventSource the test drives. */
class FakeEventSource {
  static CLOSED = 2;
  static last: FakeEventSource | null = null;
  readyState = 1;
  private readonly listeners = new Map<string, (e: { data: string }) => void>();
  constructor() {
    FakeEventSource.last = this;
  }
  addEventListener(type: string, fn: (e: { data: string }) => void) {
    this.listeners.set(type, fn);
  }
  emit(type: string, data: unknown) {
    this.listeners.get(type)?.({ data: JSON.stringify(data) });
  }
  close() {
    this.readyState = 2;
  }
}

function detail(status: SearchDetail['status']): SearchDetail {
  return {
    id: 1, name: 's', dataset: 'iris', strategy: 'random', status, createdAt: '', finishedAt: null, message: null, owner: null,
    progress: { total: 8, finished: 8, running: 0, queued: 0, budget: 8, byStatus: {} }, best: null, spec: {}, parameters: [], rungEpochs: [], stages: [], sanityCheck: null,
    inputFeatures: null,
  };
}

const charts = (finished: number): ChartData => ({ finished, bestSoFar: [], sample: [], sampled: false, curves: [] });
const importance = (finishedTrials: number): Importance => ({ finishedTrials, topTrials: 1, top: 0.1, within: 1, resamples: 100, parameters: [], reason: 'too few' });
const page = { items: [], page: 0, size: 25, totalElements: 0, totalPages: 0 };

function views() {
  return { summary: vi.fn(), board: vi.fn(), rows: vi.fn(), charts: vi.fn(), chartsFailed: vi.fn(), importance: vi.fn(), importanceFailed: vi.fn(), live: vi.fn(), trial: vi.fn(async () => undefined), go: vi.fn() };
}

/** A search page whose first reads are shown: its state, views, coordinator and the start's promise. */
async function startedPage() {
  const state = initialState(1, new URLSearchParams());
  const v = views();
  const refresh = new SearchRefresh(state, v);
  const ready = vi.fn();
  const started = refresh.start(ready);
  await vi.waitFor(() => expect(ready).toHaveBeenCalled());
  return { state, v, refresh, started };
}

describe('search page refresh coordination', () => {
  beforeEach(() => {
    vi.stubGlobal('EventSource', FakeEventSource);
    api.search.mockReset();
    api.trials.mockReset().mockResolvedValue(page);
    api.charts.mockReset();
    api.importance.mockReset().mockResolvedValue(importance(0));
  });
  afterEach(() => vi.unstubAllGlobals());

  test('a search being checked is live: its feed stays open and the header follows it to RUNNING', async () => {
    api.search.mockResolvedValueOnce(detail('CHECKING')).mockResolvedValue(detail('RUNNING'));
    api.charts.mockResolvedValue(charts(0));
    const { state, v, refresh, started } = await startedPage();
    expect(state.detail?.status).toBe('CHECKING');
    expect(v.live).toHaveBeenLastCalledWith('live');
    expect(FakeEventSource.last!.readyState).not.toBe(FakeEventSource.CLOSED);

    FakeEventSource.last!.emit('search', { searchId: 1, status: 'RUNNING' });
    await vi.waitFor(() => expect(state.detail?.status).toBe('RUNNING'));
    expect(FakeEventSource.last!.readyState).not.toBe(FakeEventSource.CLOSED);
    await started;
    refresh.dispose();
  });

  test('when the search ends, everything is read once more at once, and an older charts answer never replaces a newer one', async () => {
    api.search.mockResolvedValueOnce(detail('RUNNING')).mockResolvedValueOnce(detail('RUNNING')).mockResolvedValue(detail('COMPLETED'));
    let answerFirst: (c: ChartData) => void = () => undefined;
    api.charts.mockReturnValueOnce(new Promise<ChartData>((r) => (answerFirst = r))).mockResolvedValueOnce(charts(5)).mockResolvedValue(charts(8));
    const { state, refresh, started } = await startedPage();
    expect(api.search).toHaveBeenCalledTimes(1);

    // A trial finishes: header, board and charts are re-read (the first throttled runs go at once).
    FakeEventSource.last!.emit('trial', { searchId: 1, trialId: 7, number: 0, status: 'COMPLETED', epoch: null });
    await vi.waitFor(() => expect(state.charts?.finished).toBe(5));
    expect(api.search).toHaveBeenCalledTimes(2);

    // Then the search's own event says it ended, well within the throttles' intervals, while the first
    // (slow) charts answer is still out: everything is read again without waiting them out.
    // (waitFor gives up after 1 s; the charts' interval is 2 s.)
    FakeEventSource.last!.emit('search', { searchId: 1, status: 'COMPLETED' });
    await vi.waitFor(() => expect(state.charts?.finished).toBe(8), { timeout: 1000 });
    await vi.waitFor(() => expect(state.detail?.status).toBe('COMPLETED'));
    expect(api.trials).toHaveBeenCalledTimes(3);
    expect(FakeEventSource.last!.readyState).toBe(FakeEventSource.CLOSED);

    answerFirst(charts(3));
    await started;
    expect(state.charts?.finished).toBe(8);
    refresh.dispose();
  });

  test('importance is read with the charts as trials finish, an older answer never over a newer one, once more at the end', async () => {
    api.search.mockResolvedValueOnce(detail('RUNNING')).mockResolvedValueOnce(detail('RUNNING')).mockResolvedValue(detail('COMPLETED'));
    api.charts.mockResolvedValue(charts(1));
    let answerFirst: (i: Importance) => void = () => undefined;
    api.importance.mockReset()
      .mockReturnValueOnce(new Promise<Importance>((r) => (answerFirst = r)))
      .mockResolvedValueOnce(importance(5))
      .mockResolvedValue(importance(8));
    const { state, v, refresh, started } = await startedPage();

    FakeEventSource.last!.emit('trial', { searchId: 1, trialId: 7, number: 0, status: 'COMPLETED', epoch: null });
    await vi.waitFor(() => expect(state.importance?.finishedTrials).toBe(5));
    FakeEventSource.last!.emit('search', { searchId: 1, status: 'COMPLETED' });
    await vi.waitFor(() => expect(state.importance?.finishedTrials).toBe(8), { timeout: 1000 });
    expect(api.importance).toHaveBeenCalledTimes(3);

    answerFirst(importance(2));
    await started;
    expect(state.importance?.finishedTrials).toBe(8);
    expect(v.importance).toHaveBeenCalledTimes(2);
    refresh.dispose();
  });

  test('importance is read over the trials the controls choose, again as soon as they change', async () => {
    api.search.mockResolvedValue(detail('COMPLETED'));
    api.charts.mockResolvedValue(charts(8));
    api.importance.mockReset().mockResolvedValueOnce(importance(8)).mockResolvedValue({ ...importance(8), top: 0.2, within: 0.5 });
    const { state, refresh, started } = await startedPage();
    await started;
    expect(api.importance).toHaveBeenLastCalledWith(1, { top: 0.1, within: 1 });

    state.importanceSettings = { top: 0.2, within: 0.5 };
    refresh.importanceSettingsChanged();
    await vi.waitFor(() => expect(state.importance?.within).toBe(0.5), { timeout: 1000 });
    expect(api.importance).toHaveBeenLastCalledWith(1, { top: 0.2, within: 0.5 });
    refresh.dispose();
  });

  test('header, leaderboard, charts and importance are asked for at once; the chart library loads only once the rows are shown', async () => {
    api.search.mockResolvedValue(detail('COMPLETED'));
    api.charts.mockResolvedValue(charts(8));
    let answerBoard: (p: typeof page) => void = () => undefined;
    api.trials.mockReset().mockReturnValue(new Promise((r) => (answerBoard = r)));
    loadEcharts.mockClear();
    const state = initialState(1, new URLSearchParams());
    const v = views();
    const refresh = new SearchRefresh(state, v);
    const started = refresh.start(() => undefined);
    expect(api.search).toHaveBeenCalledTimes(1);
    expect(api.trials).toHaveBeenCalledTimes(1);
    expect(api.charts).toHaveBeenCalledTimes(1);
    expect(api.importance).toHaveBeenCalledTimes(1);
    await vi.waitFor(() => expect(v.summary).toHaveBeenCalled());
    expect(loadEcharts).not.toHaveBeenCalled();

    answerBoard(page);
    await started;
    expect(v.board).toHaveBeenCalled();
    expect(loadEcharts).toHaveBeenCalledTimes(1);
    expect(loadEcharts.mock.invocationCallOrder[0]).toBeGreaterThan(v.board.mock.invocationCallOrder[0]);
    refresh.dispose();
  });

  test('a header that cannot be read fails the start', async () => {
    api.search.mockRejectedValue(new Error('down'));
    api.charts.mockResolvedValue(charts(0));
    const refresh = new SearchRefresh(initialState(1, new URLSearchParams()), views());
    await expect(refresh.start(() => undefined)).rejects.toThrow('down');
    refresh.dispose();
  });
});
