// Progress of a search: finished / total, as segments by trial status.
import type { Progress, TrialStatus } from './api';
import { formatCount } from './format';

const SEGMENTS: TrialStatus[] = ['COMPLETED', 'PRUNED', 'DIVERGED', 'FAILED', 'CANCELLED', 'RUNNING'];

/** The counts the bar reads; without a budget it measures against the total. */
export type ProgressCounts = Omit<Progress, 'budget'> & { budget?: number };

export interface Segment {
  status: TrialStatus;
  count: number;
  /** Width in percent of the bar. */
  percent: number;
}

/** What the bar measures against: the budget (coarse-to-fine stages still to come), never less than total. */
export function planned(p: ProgressCounts): number {
  return Math.max(p.total, p.budget ?? 0);
}

export function segments(p: ProgressCounts): Segment[] {
  const total = Math.max(planned(p), 1);
  return SEGMENTS.map((status) => ({ status, count: p.byStatus?.[status] ?? 0 }))
    .filter((s) => s.count > 0)
    .map((s) => ({ ...s, percent: (100 * s.count) / total }));
}

export function progressLabel(p: ProgressCounts): string {
  const parts = [`${formatCount(p.finished)} / ${formatCount(planned(p))} done`];
  if (p.running > 0) parts.push(`${formatCount(p.running)} running`);
  const bad = (p.byStatus?.DIVERGED ?? 0) + (p.byStatus?.FAILED ?? 0);
  if (bad > 0) parts.push(`${formatCount(bad)} diverged/failed`);
  return parts.join(' · ');
}

export function progressHtml(p: ProgressCounts): string {
  const segs = segments(p)
    .map((s) => `<span class="seg st-${s.status.toLowerCase()}" style="width:${s.percent.toFixed(3)}%" title="${s.status}: ${s.count}"></span>`)
    .join('');
  const label = progressLabel(p);
  return `<div class="progress" role="progressbar" aria-valuemin="0" aria-valuemax="${planned(p)}" aria-valuenow="${p.finished}" aria-label="${label}"><div class="bar">${segs}</div><span class="progress-text">${label}</span></div>`;
}
