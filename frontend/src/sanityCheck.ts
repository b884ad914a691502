// The sanity check's report in words.
import type { SanityCheck } from './api';
import { formatLoss } from './format';

export interface SanityView {
  passed: boolean;
  title: string;
  facts: [string, string][];
  message: string;
}

/** Passed, or which check failed with its numbers. */
export function sanityView(s: SanityCheck | null | undefined): SanityView | null {
  if (!s) return null;
  const facts: [string, string][] = [];
  if (s.initialLoss !== null && s.initialLoss !== undefined) facts.push(['Initial loss', formatLoss(s.initialLoss)]);
  if (s.expectedInitialLoss !== null && s.expectedInitialLoss !== undefined) facts.push(['Expected initial loss', formatLoss(s.expectedInitialLoss)]);
  if (s.finalTrainLoss !== null && s.finalTrainLoss !== undefined) facts.push(['Final train loss (small subset)', formatLoss(s.finalTrainLoss)]);
  const check = s.failedCheck === 'initialLoss' ? 'initial loss' : s.failedCheck === 'overfitSubset' ? 'overfitting a small subset' : s.failedCheck;
  return {
    passed: !!s.passed,
    title: s.passed ? 'Sanity check passed' : `Sanity check failed${check ? `: ${check}` : ''}`,
    facts,
    message: s.message ?? '',
  };
}
