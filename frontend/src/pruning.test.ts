import { describe, expect, test } from 'vitest';
import { pruningText } from './pruning';

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
