import { describe, expect, test } from 'vitest';
import { suggestionText } from './suggestion';

describe('suggestionText', () => {
  test('counts the finished trials and those running', () => {
    expect(suggestionText({ basedOn: [1, 2, 3], running: [] })).toBe('3 finished trials');
    expect(suggestionText({ basedOn: [7], running: [8, 9] })).toBe('1 finished trial, 2 running');
  });
});
