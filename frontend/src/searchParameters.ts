// How each parameter of a search varies, as the server states it (GET /api/searches/{id} "parameters"):
// the leaderboard's parameter columns and the charts' axes. The browser never reads the spec for this.
import type { SearchDetail } from './api';

export type SearchParameter = NonNullable<SearchDetail['parameters']>[number];

/** The parameters the search varies, in canonical order; none when the server did not say. */
export function varyingParameters(d: SearchDetail | null): SearchParameter[] {
  return (d?.parameters ?? []).filter((p) => p.varying);
}

/** The parameters the search holds at one value (null when the server leaves it to the default). */
export function fixedParameters(d: SearchDetail | null): SearchParameter[] {
  return (d?.parameters ?? []).filter((p) => !p.varying && p.fixed !== null && p.fixed !== undefined);
}

/** Whether no trial of the search can use this parameter (its condition never holds in the space). */
export function notApplicable(p: SearchParameter): boolean {
  return p.notApplicable !== null && p.notApplicable !== undefined;
}

/** The header's "Fixed:" entries: those that apply first, then those that cannot, each with the condition it needs. */
export function fixedParametersHtml(d: SearchDetail | null, esc: (s: string) => string, format: (v: unknown) => string): string {
  const fixed = fixedParameters(d);
  const applies = fixed.filter((p) => !notApplicable(p));
  const not = fixed.filter(notApplicable);
  return [
    ...applies.map((p) => `<code>${esc(p.name)}=${esc(format(p.fixed))}</code>`),
    ...not.map((p) => `<code class="inactive" title="not applicable unless ${esc(p.notApplicable!)}">${esc(p.name)}=${esc(format(p.fixed))}`
      + ` <span class="condition-note">n/a unless ${esc(p.notApplicable!)}</span></code>`),
  ].join(' ');
}
