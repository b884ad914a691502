// A pruned trial in words: where the pruner stopped it and the comparison that decided it.
import type { Pruning } from './api';
import { formatLoss } from './format';

/** Where and why a pruner stopped a trial, e.g. "pruned at epoch 3 (ASHA rung at epoch 3: 0.52 > 0.41)". */
export function pruningText(p: Pruning | null | undefined): string {
  if (!p) return '';
  const cmp = p.value !== null && p.value !== undefined && p.threshold !== null && p.threshold !== undefined && Number.isFinite(p.threshold)
    ? `: ${formatLoss(p.value)} > ${formatLoss(p.threshold)}`
    : '';
  const rule = p.rule === 'asha'
    ? `ASHA rung at epoch ${p.epoch}${cmp}`
    : p.rule === 'median'
      ? `median rule${cmp ? `: best ${formatLoss(p.value)} > median ${formatLoss(p.threshold)}` : ''}`
      : `${p.rule}${cmp}`;
  return `pruned at epoch ${p.epoch} (${rule})`;
}
