import { describe, expect, test } from 'vitest';
import { bestSoFar, downsample, prefersLog, stepLine } from './history';

describe('bestSoFar', () => {
  test('keeps the improvements in trial order, skipping missing losses', () => {
    const pts = [
      { number: 3, valLoss: 0.5 },
      { number: 0, valLoss: 1.0 },
      { number: 1, valLoss: null },
      { number: 2, valLoss: 1.2 },
      { number: 4, valLoss: 0.5 },
      { number: 5, valLoss: Infinity },
      { number: 6, valLoss: 0.2 },
    ];
    expect(bestSoFar(pts)).toEqual([[0, 1.0], [3, 0.5], [6, 0.2]]);
    expect(bestSoFar([])).toEqual([]);
  });

  test('stepLine carries the best to the newest trial', () => {
    expect(stepLine([[0, 1], [3, 0.5]], 9)).toEqual([[0, 1], [3, 0.5], [9, 0.5]]);
    expect(stepLine([[0, 1], [3, 0.5]], 3)).toEqual([[0, 1], [3, 0.5]]);
    expect(stepLine([], 5)).toEqual([]);
  });
});

describe('downsample', () => {
  test('keeps first and last and at most max points', () => {
    const pts = Array.from({ length: 10_001 }, (_, i) => i);
    const d = downsample(pts, 2000);
    expect(d.length).toBe(2000);
    expect(d[0]).toBe(0);
    expect(d[1999]).toBe(10_000);
    expect(downsample([1, 2, 3], 10)).toEqual([1, 2, 3]);
  });
});

describe('prefersLog', () => {
  test('positive values over more than 1.5 decades', () => {
    expect(prefersLog([0.01, 2])).toBe(true);
    expect(prefersLog([0.5, 2])).toBe(false);
    expect(prefersLog([0, 10])).toBe(false);
    expect(prefersLog([1])).toBe(false);
  });
});
