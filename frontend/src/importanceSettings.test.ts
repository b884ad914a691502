import { describe, expect, test } from 'vitest';
import { DEFAULT_IMPORTANCE, importanceQuery, REGION_CHOICES, TOP_CHOICES, withChoice } from './importanceSettings';

describe('importance settings', () => {
  test('the query names the top fraction and the region', () => {
    expect(importanceQuery(DEFAULT_IMPORTANCE)).toBe('top=0.1&within=1');
    expect(importanceQuery({ top: 0.2, within: 0.5 })).toBe('top=0.2&within=0.5');
  });

  test('every top choice fits inside some region but the default all-trials one', () => {
    for (const t of TOP_CHOICES) {
      expect(REGION_CHOICES.some((r) => r.value < 1 && r.value > t.value)).toBe(true);
    }
  });

  test('a region no larger than the top fraction widens to the next one that holds it', () => {
    expect(withChoice({ top: 0.1, within: 1 }, { within: 0.25 })).toEqual({ top: 0.1, within: 0.25 });
    expect(withChoice({ top: 0.1, within: 0.25 }, { top: 0.2 })).toEqual({ top: 0.2, within: 0.25 });
    expect(withChoice({ top: 0.2, within: 0.25 }, { top: 0.3 })).toEqual({ top: 0.3, within: 0.5 });
    expect(withChoice({ top: 0.2, within: 0.5 }, { within: 0.1 })).toEqual({ top: 0.2, within: 0.25 });
  });
});
