import { describe, expect, test } from 'vitest';
import {
  cvAccuracyText,
  cvLossText,
  formatMeanStd,
  maxEpochs,
  paramRangeText,
  pruningText,
  rungEpochs,
  sanityView,
  specRungs,
  stageRanges,
  stageTrialsText,
} from './smart';

describe('pruning text', () => {
  test('ASHA: the rung epoch and the comparison that stopped it', () => {
    expect(pruningText({ rule: 'asha', epoch: 3, rung: 1, value: 0.5213, threshold: 0.41, reason: 'x' }))
      .toBe('pruned at epoch 3 (ASHA rung at epoch 3: 0.5213 > 0.41)');
  });
  test('median rule: best so far against the median', () => {
    expect(pruningText({ rule: 'median', epoch: 5, rung: null, value: 0.9, threshold: 0.7, reason: null }))
      .toBe('pruned at epoch 5 (median rule: best 0.9 > median 0.7)');
  });
  test('without numbers, and without pruning', () => {
    expect(pruningText({ rule: 'asha', epoch: 1, rung: 0, value: null, threshold: null, reason: null })).toBe('pruned at epoch 1 (ASHA rung at epoch 1)');
    expect(pruningText(null)).toBe('');
  });
});

describe('mean ± std', () => {
  test('three decimals for losses below 1', () => {
    expect(formatMeanStd(0.1234, 0.0101, (v) => v.toFixed(3))).toBe('0.123 ± 0.010');
    expect(cvLossText({ folds: 5, meanValLoss: 0.1234, stdValLoss: 0.0101, meanValAccuracy: 0.95, stdValAccuracy: 0.012 })).toBe('0.123 ± 0.010');
    expect(cvLossText({ folds: 5, meanValLoss: 12.345, stdValLoss: 1.5, meanValAccuracy: null, stdValAccuracy: null })).toBe('12.35 ± 1.500');
    expect(cvAccuracyText({ folds: 5, meanValLoss: 0.1, stdValLoss: 0.01, meanValAccuracy: 0.95, stdValAccuracy: 0.012 })).toBe('95.0% ± 1.2');
  });
  test('no spread, no mean, no cross-validation', () => {
    expect(formatMeanStd(0.5, null)).toBe('0.5');
    expect(formatMeanStd(null, 0.1)).toBe('—');
    expect(cvLossText(null)).toBe('');
  });
});

describe('stage ranges', () => {
  test('ranges, log scale, choices and fixed values', () => {
    expect(stageRanges({
      learningRate: { floatRange: { min: 0.001, max: 0.1, log: true } },
      batchSize: { intRange: { min: 16, max: 64 } },
      hiddenUnits: { choice: [16, 32] },
      activation: { choice: ['relu', 'tanh'] },
      epochs: 20,
    })).toEqual([
      ['learningRate', '0.001–0.1 (log)'],
      ['batchSize', '16–64'],
      ['hiddenUnits', '{16, 32}'],
      ['activation', '{relu, tanh}'],
      ['epochs', '20'],
    ]);
    expect(paramRangeText({ floatRange: { min: 0.00012345, max: 0.5 } })).toBe('1.23e-4–0.5');
  });
  test('trial ranges', () => {
    expect(stageTrialsText(3, 3)).toBe('#3–#5');
    expect(stageTrialsText(0, 1)).toBe('#0');
    expect(stageTrialsText(0, 0)).toBe('no trials');
  });
});

describe('ASHA rungs', () => {
  test('minEpochs * eta^k below the epoch budget', () => {
    expect(rungEpochs(1, 3, 9)).toEqual([1, 3]);
    expect(rungEpochs(1, 3, 10)).toEqual([1, 3, 9]);
    expect(rungEpochs(2, 2, 20)).toEqual([2, 4, 8, 16]);
    expect(rungEpochs(1, 1, 9)).toEqual([]);
  });
  test('from a spec: only with ASHA, up to the largest epochs the space allows', () => {
    expect(specRungs({ pruner: { asha: { minEpochs: 1, eta: 3 } }, space: { epochs: 9 } })).toEqual([1, 3]);
    expect(specRungs({ pruner: 'asha', space: { epochs: { choice: [5, 30] } } })).toEqual([1, 3, 9, 27]);
    expect(specRungs({ pruner: { median: {} }, space: { epochs: 9 } })).toEqual([]);
    expect(specRungs({ pruner: 'none', space: { epochs: 9 } })).toEqual([]);
    expect(specRungs({ pruner: 'asha', space: {} }, 10)).toEqual([1, 3, 9]);
    expect(maxEpochs({ epochs: { intRange: { min: 5, max: 12 } } })).toBe(12);
  });
});

describe('sanity check', () => {
  test('passed, or the failed check with its numbers', () => {
    expect(sanityView({ passed: true, failedCheck: null, initialLoss: 1.1, expectedInitialLoss: 1.0986, finalTrainLoss: 0.01, message: 'ok' }))
      .toMatchObject({ passed: true, title: 'Sanity check passed' });
    const v = sanityView({ passed: false, failedCheck: 'initialLoss', initialLoss: 9.5, expectedInitialLoss: 1.0986, finalTrainLoss: null, message: 'too high' })!;
    expect(v.title).toBe('Sanity check failed: initial loss');
    expect(v.facts).toEqual([['Initial loss', '9.5'], ['Expected initial loss', '1.099']]);
    expect(v.message).toBe('too high');
    expect(sanityView(null)).toBeNull();
  });
});

describe('progress against the budget', () => {
  test('coarse-to-fine: later stages still to come count in the bar', async () => {
    const { progressLabel, segments } = await import('./progress');
    const p = { total: 3, finished: 3, running: 0, queued: 0, budget: 6, byStatus: { COMPLETED: 3 } };
    expect(progressLabel(p)).toBe('3 / 6 done');
    expect(segments(p)[0].percent).toBe(50);
    expect(progressLabel({ ...p, budget: undefined })).toBe('3 / 3 done');
  });
});
