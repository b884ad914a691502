import { describe, expect, test } from 'vitest';
import { esc, formatAge, formatDuration, formatLoss, formatParam, formatPercent } from './format';

describe('format', () => {
  test('losses', () => {
    expect(formatLoss(null)).toBe('—');
    expect(formatLoss(0.123456)).toBe('0.1235');
    expect(formatLoss(1.5)).toBe('1.5');
    expect(formatLoss(0.0000123)).toBe('1.230e-5');
    expect(formatLoss(123456)).toBe('1.235e5');
    expect(formatLoss(Infinity)).toBe('∞');
    expect(formatLoss(0)).toBe('0');
  });

  test('percent', () => {
    expect(formatPercent(0.9733)).toBe('97.3%');
    expect(formatPercent(null)).toBe('—');
  });

  test('durations', () => {
    expect(formatDuration(850)).toBe('850 ms');
    expect(formatDuration(1234)).toBe('1.23 s');
    expect(formatDuration(12_345)).toBe('12.3 s');
    expect(formatDuration(245_000)).toBe('4 min 05 s');
    expect(formatDuration(3_720_000)).toBe('1 h 02 min');
    expect(formatDuration(null)).toBe('—');
  });

  test('ages', () => {
    const now = Date.parse('2026-01-01T12:00:00Z');
    expect(formatAge('2026-01-01T11:59:58Z', now)).toBe('just now');
    expect(formatAge('2026-01-01T11:59:30Z', now)).toBe('30 s ago');
    expect(formatAge('2026-01-01T11:57:00Z', now)).toBe('3 min ago');
    expect(formatAge('2026-01-01T09:00:00Z', now)).toBe('3 h ago');
    expect(formatAge('2025-12-28T12:00:00Z', now)).toBe('4 d ago');
    expect(formatAge(null, now)).toBe('—');
  });

  test('params', () => {
    expect(formatParam(64)).toBe('64');
    expect(formatParam(0.0031622776)).toBe('0.003162');
    expect(formatParam(0.00001)).toBe('1.00e-5');
    expect(formatParam(true)).toBe('true');
    expect(formatParam('relu')).toBe('relu');
  });

  test('escaping', () => {
    expect(esc('<a href="x">&\'</a>')).toBe('&lt;a href=&quot;x&quot;&gt;&amp;&#39;&lt;/a&gt;');
  });
});
