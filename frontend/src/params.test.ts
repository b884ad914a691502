import { describe, expect, test } from 'vitest';
import { PARAMS, spaceMeta } from './params';
import { progressLabel, segments } from './progress';

describe('spaceMeta', () => {
  test('marks varying parameters and picks axes', () => {
    const metas = spaceMeta({
      space: {
        learningRate: { floatRange: { min: 1e-4, max: 0.1, log: true } },
        l2: { floatRange: { min: 0, max: 0.01 } },
        hiddenUnits: { choice: [16, 32, 64] },
        batchSize: { choice: [1, 1000] },
        activation: { choice: ['relu', 'tanh'] },
        batchNorm: { choice: [true, false] },
        hiddenLayers: { intRange: { min: 1, max: 3 } },
        epochs: 30,
        optimizer: { choice: ['adam'] },
      },
    });
    const by = Object.fromEntries(metas.map((m) => [m.name, m]));
    expect(metas.map((m) => m.name)).toEqual(PARAMS.map((p) => p.name));
    expect(by.learningRate).toMatchObject({ varying: true, axis: 'log' });
    expect(by.l2).toMatchObject({ varying: true, axis: 'value' });
    expect(by.hiddenUnits).toMatchObject({ varying: true, axis: 'value' });
    expect(by.batchSize).toMatchObject({ varying: true, axis: 'log' });
    expect(by.activation).toMatchObject({ varying: true, axis: 'category', categories: ['relu', 'tanh'] });
    expect(by.batchNorm).toMatchObject({ varying: true, axis: 'category', categories: ['true', 'false'] });
    expect(by.hiddenLayers).toMatchObject({ varying: true, axis: 'value' });
    expect(by.epochs).toMatchObject({ varying: false, fixed: 30 });
    expect(by.optimizer).toMatchObject({ varying: false, fixed: 'adam' });
    expect(by.momentum).toMatchObject({ varying: false, fixed: 0.9 });
  });
});

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
