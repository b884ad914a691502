import { describe, expect, test } from 'vitest';
import { progressLabel, segments } from './progress';

describe('progress', () => {
  const p = { total: 10, finished: 6, running: 2, queued: 2, byStatus: { COMPLETED: 4, DIVERGED: 1, FAILED: 1, RUNNING: 2, QUEUED: 2 } };
  test('segments by status, in percent of the total', () => {
    expect(segments(p)).toEqual([
      { status: 'COMPLETED', count: 4, percent: 40 },
      { status: 'DIVERGED', count: 1, percent: 10 },
      { status: 'FAILED', count: 1, percent: 10 },
      { status: 'RUNNING', count: 2, percent: 20 },
    ]);
  });
  test('label', () => {
    expect(progressLabel(p)).toBe('6 / 10 done · 2 running · 2 diverged/failed');
  });
});

describe('progress against the budget', () => {
  test('coarse-to-fine: later stages still to come count in the bar', () => {
    const p = { total: 3, finished: 3, running: 0, queued: 0, budget: 6, byStatus: { COMPLETED: 3 } };
    expect(progressLabel(p)).toBe('3 / 6 done');
    expect(segments(p)[0].percent).toBe(50);
    expect(progressLabel({ ...p, budget: undefined })).toBe('3 / 3 done');
  });
});
