// A cross-validated trial's metrics in words: the mean over its folds with their spread.
import type { CrossValidation } from './api';
import { formatLoss } from './format';

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
