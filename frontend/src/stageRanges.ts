// A coarse-to-fine stage in words: the trials it ran and the ranges it sampled from.
import { formatParam } from './format';

/** One parameter of a stage's space in words: "0.001–0.1 (log)", "{16, 32, 64}", "20". */
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
