import { describe, expect, test } from 'vitest';
import { paramRangeText, stageRanges, stageTrialsText } from './stageRanges';

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
