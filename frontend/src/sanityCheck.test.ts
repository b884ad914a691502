import { describe, expect, test } from 'vitest';
import { sanityView } from './sanityCheck';

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
