// What the server says can be searched (GET /api/parameters): every hyperparameter with its type,
// bounds, default, description and condition; the strategies and pruners with their settings. The
// new-search form is built from it.
//
// Until the generated API types land, the shapes are written here (contracts.md); then this block
// becomes `export type { Catalogue, ParameterInfo, SettingInfo, ChoiceInfo } from './api';` (or the
// generated names) and fetchCatalogue becomes api.parameters.
import { toApiError } from './api';

export type ParameterType = 'float' | 'int' | 'categorical' | 'boolean';

export interface ParameterInfo {
  name: string;
  type: ParameterType;
  min: number | null;
  max: number | null;
  minInclusive: boolean | null;
  maxInclusive: boolean | null;
  /** The allowed values of a categorical parameter. */
  values: string[] | null;
  default: unknown;
  description: string;
  /** Whether a range over it is usually searched on a log scale. */
  logScale: boolean;
  /** It applies only when another parameter takes one of these values. */
  condition: { parameter: string; values: string[] } | null;
}

export interface SettingInfo {
  name: string;
  type: 'int' | 'float';
  min: number | null;
  max: number | null;
  default: number | null;
  description: string;
}

/** A strategy or a pruner. */
export interface ChoiceInfo {
  name: string;
  description: string;
  settings: SettingInfo[];
}

export interface Catalogue {
  parameters: ParameterInfo[];
  strategies: ChoiceInfo[];
  pruners: ChoiceInfo[];
}

export async function fetchCatalogue(signal?: AbortSignal): Promise<Catalogue> {
  const res = await fetch('/api/parameters', { signal, headers: { Accept: 'application/json' } });
  if (!res.ok) throw await toApiError(res);
  return (await res.json()) as Catalogue;
}

/** "learningRate" -> "Learning rate", for labels. */
export function labelOf(name: string): string {
  const words = name.replace(/([a-z])([A-Z])/g, '$1 $2').toLowerCase();
  return words.charAt(0).toUpperCase() + words.slice(1);
}

/** Bounds as an interval, e.g. "(0, 10]" or "[1, 10000]"; empty when unbounded or categorical. */
export function boundsText(p: Pick<ParameterInfo, 'min' | 'max' | 'minInclusive' | 'maxInclusive'>): string {
  if (p.min === null && p.max === null) return '';
  const lo = p.min === null ? '(-∞' : `${p.minInclusive === false ? '(' : '['}${p.min}`;
  const hi = p.max === null ? '∞)' : `${p.max}${p.maxInclusive === false ? ')' : ']'}`;
  return `${lo}, ${hi}`;
}

/** Whether a parameter is numeric (ranges apply) or takes one of a few values (checkboxes apply). */
export function isNumeric(p: ParameterInfo): boolean {
  return p.type === 'float' || p.type === 'int';
}

/** The values a categorical or boolean parameter may take, as text. */
export function optionsOf(p: ParameterInfo): string[] {
  return p.type === 'boolean' ? ['true', 'false'] : p.values ?? [];
}

/** The spec key holding a strategy's settings: "coarse-to-fine" -> "coarseToFine". */
export function settingsKey(strategy: string): string {
  return strategy.replace(/-([a-z])/g, (_, c: string) => c.toUpperCase());
}
