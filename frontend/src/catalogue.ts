// What the server says can be searched (GET /api/parameters): every hyperparameter with its type,
// bounds, default, description and condition; the strategies and pruners with their settings. The
// new-search form is built from it.
//
// The shapes are the generated API types (api.ts); this file adds what the form derives from them.
import type { OptionInfo, ParameterCatalog, ParameterInfo, SettingInfo, ValueType } from './api';

export type { ParameterInfo, SettingInfo };
export type ParameterType = ValueType;
/** A strategy or a pruner. */
export type ChoiceInfo = OptionInfo;
export type Catalogue = ParameterCatalog;

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
