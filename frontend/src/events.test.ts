import { afterEach, beforeEach, describe, expect, test, vi } from 'vitest';
import type { TrialRow } from './api';
import { applyToRows, Coalescer, collapse, Throttle, type LiveEvent } from './events';

const trial = (trialId: number, status: string, epoch: number | null = null): LiveEvent => ({
  kind: 'trial',
  data: { searchId: 1, trialId, number: trialId, status: status as never, epoch },
});

function row(id: number, status: string, epochsRun: number | null = null): TrialRow {
  return {
    id, number: id, status: status as never, params: {} as TrialRow['params'], valLoss: null, bestValLoss: null, bestEpoch: null,
    valAccuracy: null, trainLoss: null, epochsRun, durationMs: null, attempt: 1, workerId: null, error: null,
    stage: null, pruning: null, crossValidation: null, valRmse: null, valMae: null, valR2: null, valF1: null,
  };
}

describe('collapse', () => {
  test('keeps the latest state per trial and the highest epoch', () => {
    const c = collapse([trial(1, 'RUNNING'), trial(1, 'RUNNING', 1), trial(2, 'RUNNING'), trial(1, 'RUNNING', 3), trial(1, 'RUNNING', 2)]);
    expect(c.trials).toEqual([
      { searchId: 1, trialId: 1, number: 1, status: 'RUNNING', epoch: 3 },
      { searchId: 1, trialId: 2, number: 2, status: 'RUNNING', epoch: null },
    ]);
    expect(c.statusChanged).toBe(true);
    expect(c.anyFinished).toBe(false);
    expect(c.search).toBeNull();
  });

  test('a late epoch event never undoes a terminal state', () => {
    const c = collapse([trial(1, 'COMPLETED'), trial(1, 'RUNNING', 9)]);
    expect(c.trials[0].status).toBe('COMPLETED');
    expect(c.anyFinished).toBe(true);
  });

  test('epoch-only batches are not status changes; the search status is kept', () => {
    const c = collapse([trial(1, 'RUNNING', 4), { kind: 'search', data: { searchId: 1, status: 'CANCELLED' } }]);
    expect(c.statusChanged).toBe(false);
    expect(c.search).toBe('CANCELLED');
  });
});

describe('applyToRows', () => {
  test('moves visible rows on and keeps the others by identity', () => {
    const rows = [row(1, 'QUEUED'), row(2, 'RUNNING', 2), row(3, 'COMPLETED', 10)];
    const { rows: out, changed } = applyToRows(rows, collapse([trial(1, 'RUNNING'), trial(2, 'RUNNING', 5), trial(3, 'RUNNING', 11), trial(9, 'RUNNING')]));
    expect(changed).toBe(true);
    expect(out[0]).toMatchObject({ status: 'RUNNING' });
    expect(out[1]).toMatchObject({ status: 'RUNNING', epochsRun: 5 });
    expect(out[2]).toBe(rows[2]);
  });

  test('nothing to apply', () => {
    const rows = [row(1, 'RUNNING', 3)];
    expect(applyToRows(rows, collapse([trial(1, 'RUNNING', 2)]))).toEqual({ rows, changed: false });
  });
});

describe('Coalescer', () => {
  beforeEach(() => vi.useFakeTimers());
  afterEach(() => vi.useRealTimers());

  test('delivers a burst as one batch, at most once per interval', () => {
    const batches: number[][] = [];
    const c = new Coalescer<number>((b) => batches.push(b), 400);
    c.push(1);
    vi.advanceTimersByTime(0);
    expect(batches).toEqual([[1]]);
    for (let i = 2; i <= 1000; i++) c.push(i);
    vi.advanceTimersByTime(399);
    expect(batches.length).toBe(1);
    vi.advanceTimersByTime(1);
    expect(batches.length).toBe(2);
    expect(batches[1].length).toBe(999);
    vi.advanceTimersByTime(5000);
    expect(batches.length).toBe(2);
  });

  test('thousands of events over ten seconds cost about 25 deliveries', () => {
    let deliveries = 0;
    const c = new Coalescer<number>(() => deliveries++, 400);
    for (let t = 0; t < 10_000; t += 2) {
      c.push(t);
      vi.advanceTimersByTime(2);
    }
    vi.advanceTimersByTime(400);
    expect(deliveries).toBeGreaterThanOrEqual(25);
    expect(deliveries).toBeLessThanOrEqual(27);
  });

  test('dispose drops the buffer', () => {
    const batches: number[][] = [];
    const c = new Coalescer<number>((b) => batches.push(b), 400);
    c.push(1);
    c.dispose();
    vi.advanceTimersByTime(1000);
    expect(batches).toEqual([]);
  });
});

describe('Throttle', () => {
  beforeEach(() => vi.useFakeTimers());
  afterEach(() => vi.useRealTimers());

  test('merges requests and never overlaps runs', async () => {
    let running = 0;
    let maxRunning = 0;
    let runs = 0;
    const t = new Throttle(async () => {
      running++;
      maxRunning = Math.max(maxRunning, running);
      runs++;
      await new Promise((r) => setTimeout(r, 300));
      running--;
    }, 500);
    for (let i = 0; i < 50; i++) t.request();
    await vi.advanceTimersByTimeAsync(0);
    expect(runs).toBe(1);
    for (let i = 0; i < 50; i++) t.request();
    await vi.advanceTimersByTimeAsync(2000);
    expect(runs).toBe(2);
    expect(maxRunning).toBe(1);
  });

  test('requestNow skips the interval but still waits for the run in progress', async () => {
    const starts: number[] = [];
    const t = new Throttle(async () => {
      starts.push(Date.now());
      await new Promise((r) => setTimeout(r, 100));
    }, 2000);
    const t0 = Date.now();
    t.request();
    await vi.advanceTimersByTimeAsync(0);
    expect(starts.length).toBe(1);
    t.request(); // would wait until t0 + 2000
    await vi.advanceTimersByTimeAsync(50);
    t.requestNow(); // the first run is still in progress: right after it
    await vi.advanceTimersByTimeAsync(60);
    expect(starts.length).toBe(2);
    expect(starts[1] - t0).toBeLessThanOrEqual(110);
    await vi.advanceTimersByTimeAsync(3000);
    expect(starts.length).toBe(2);
  });
});
