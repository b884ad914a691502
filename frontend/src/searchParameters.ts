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
