// What a TPE trial's parameters were computed from (the trial detail's `suggestion`), in words.
import type { TrialDetail } from './api';

/** "12 finished trials, 1 running". */
export function suggestionText(s: NonNullable<TrialDetail['suggestion']>): string {
  const finished = `${s.basedOn.length} finished trial${s.basedOn.length === 1 ? '' : 's'}`;
  return s.running.length ? `${finished}, ${s.running.length} running` : finished;
}
