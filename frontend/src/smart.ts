// Pruning, cross-validation and coarse-to-fine in words and chart marks: pure functions, unit-tested.
import type { CrossValidation, Pruning, SanityCheck } from './api';
import { formatLoss, formatParam } from './format';

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

/** A mean with its spread, e.g. "0.123 ± 0.010"; the mean alone when there is no spread. */
export function formatMeanStd(mean: number | null | undefined, std: number | null | undefined, fmt: (v: number) => string = formatLoss): string {
  if (mean === null || mean === undefined) return '—';
  if (std === null || std === undefined || !Number.isFinite(std)) return fmt(mean);
  return `${fmt(mean)} ± ${fmt(std)}`;
}

/** Three significant digits for spreads next to losses: 0.123 ± 0.010. */
export function formatLoss3(v: number): string {
  if (!Number.isFinite(v)) return formatLoss(v);
  if (v === 0) return '0.000';
  const a = Math.abs(v);
  if (a < 1e-3 || a >= 1e5) return v.toExponential(2).replace('e+', 'e');
  return v.toFixed(Math.max(0, 3 - Math.floor(Math.log10(Math.max(a, 1)))));
}

export function cvLossText(cv: CrossValidation | null | undefined): string {
  return cv ? formatMeanStd(cv.meanValLoss, cv.stdValLoss, formatLoss3) : '';
}

export function cvAccuracyText(cv: CrossValidation | null | undefined): string {
  if (!cv) return '';
  const pct = (v: number) => `${(v * 100).toFixed(1)}%`;
  if (cv.meanValAccuracy === null || cv.meanValAccuracy === undefined) return '—';
  return cv.stdValAccuracy === null || cv.stdValAccuracy === undefined
    ? pct(cv.meanValAccuracy)
    : `${pct(cv.meanValAccuracy)} ± ${(cv.stdValAccuracy * 100).toFixed(1)}`;
}

/** One parameter of a space in spec form, in words: "0.001–0.1 (log)", "16, 32, 64", "20". */
export function paramRangeText(v: unknown): string {
  if (v && typeof v === 'object' && !Array.isArray(v)) {
    const o = v as Record<string, unknown>;
    if (Array.isArray(o.choice)) return `{${o.choice.map((c) => formatParam(c)).join(', ')}}`;
    const r = (o.floatRange ?? o.intRange) as Record<string, unknown> | undefined;
    if (r && typeof r === 'object') return `${formatParam(r.min)}–${formatParam(r.max)}${r.log ? ' (log)' : ''}`;
    return JSON.stringify(v);
  }
  return formatParam(v);
}

/** Each parameter of a stage's space: [name, text]. */
export function stageRanges(space: Record<string, unknown> | null | undefined): [string, string][] {
  return Object.entries(space ?? {}).map(([k, v]) => [k, paramRangeText(v)]);
}

/** Trial numbers of a stage, e.g. "#0–#2". */
export function stageTrialsText(firstTrial: number, trialCount: number): string {
  if (trialCount <= 0) return 'no trials';
  return trialCount === 1 ? `#${firstTrial}` : `#${firstTrial}–#${firstTrial + trialCount - 1}`;
}

/** The largest epoch budget a space allows (fixed, choice or range), or null when it does not say. */
export function maxEpochs(space: Record<string, unknown> | null | undefined): number | null {
  const v = space?.epochs;
  if (typeof v === 'number') return v;
  if (v && typeof v === 'object') {
    const o = v as Record<string, unknown>;
    if (Array.isArray(o.choice)) {
      const n = o.choice.filter((c): c is number => typeof c === 'number');
      return n.length ? Math.max(...n) : null;
    }
    const r = (o.intRange ?? o.floatRange) as Record<string, unknown> | undefined;
    if (r && typeof r.max === 'number') return r.max;
  }
  return null;
}

/** ASHA's settings from a spec's pruner ("asha" or {"asha": {minEpochs, eta}}), or null for other pruners. */
export function ashaSettings(pruner: unknown): { minEpochs: number; eta: number } | null {
  if (pruner === 'asha') return { minEpochs: 1, eta: 3 };
  if (pruner && typeof pruner === 'object' && 'asha' in pruner) {
    const a = ((pruner as Record<string, unknown>).asha ?? {}) as Record<string, unknown>;
    return { minEpochs: typeof a.minEpochs === 'number' ? a.minEpochs : 1, eta: typeof a.eta === 'number' ? a.eta : 3 };
  }
  return null;
}

/** ASHA's rung epochs as the server places them: minEpochs * eta^k below maxEpochs. */
export function rungEpochs(minEpochs: number, eta: number, maxEpochs: number): number[] {
  const out: number[] = [];
  if (minEpochs < 1 || eta < 2) return out;
  for (let r = minEpochs; r < maxEpochs; r *= eta) out.push(r);
  return out;
}

/** The rungs of a search's spec (for the top-k chart), empty unless it uses ASHA. */
export function specRungs(spec: Record<string, unknown> | null | undefined, fallbackMaxEpochs?: number): number[] {
  const a = ashaSettings(spec?.pruner);
  if (!a) return [];
  const max = maxEpochs(spec?.space as Record<string, unknown> | undefined) ?? fallbackMaxEpochs;
  return max ? rungEpochs(a.minEpochs, a.eta, max) : [];
}

export interface SanityView {
  passed: boolean;
  title: string;
  facts: [string, string][];
  message: string;
}

/** The sanity check's report in words: passed, or which check failed with its numbers. */
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
