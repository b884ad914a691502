// Which trials importance is measured over (GET /api/searches/{id}/importance?top=&within=): the best
// `top` fraction of the finished trials compared with all of them, or with only the best `within` fraction.

export interface ImportanceSettings {
  /** The best fraction whose parameter values are compared with the region's, in (0, 1). */
  top: number;
  /** The region: 1 for all finished trials, else the best fraction of them (greater than top). */
  within: number;
}

export const DEFAULT_IMPORTANCE: ImportanceSettings = { top: 0.1, within: 1 };

export const TOP_CHOICES: { value: number; label: string }[] = [
  { value: 0.05, label: 'best 5%' },
  { value: 0.1, label: 'best 10%' },
  { value: 0.2, label: 'best 20%' },
];

export const REGION_CHOICES: { value: number; label: string }[] = [
  { value: 1, label: 'all finished trials' },
  { value: 0.5, label: 'the best 50%' },
  { value: 0.25, label: 'the best 25%' },
];

/** The endpoint's query for these settings. */
export function importanceQuery(s: ImportanceSettings): string {
  return new URLSearchParams({ top: String(s.top), within: String(s.within) }).toString();
}

/**
 * The settings after the user picked `top` or `within`: the server requires top < within, so a region no larger
 * than the top fraction widens to the next region that holds it.
 */
export function withChoice(s: ImportanceSettings, change: Partial<ImportanceSettings>): ImportanceSettings {
  const next = { ...s, ...change };
  if (next.within <= next.top) {
    const wider = REGION_CHOICES.map((r) => r.value).filter((v) => v > next.top).sort((a, b) => a - b)[0] ?? 1;
    next.within = wider;
  }
  return next;
}
