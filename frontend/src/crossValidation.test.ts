import { describe, expect, test } from 'vitest';
import { cvAccuracyText, cvLossText, formatMeanStd } from './crossValidation';

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
