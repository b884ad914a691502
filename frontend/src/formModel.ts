// What the new-search form shows, derived from the server's catalogue without a DOM: one editor row per
// parameter (label, hint, the ways it may vary) and one settings section per strategy or pruner that
// has settings (each input's id, spec path, label, hint and placeholder). pages/new/ renders these.
import { boundsText, isNumeric, labelOf, type Catalogue, type ChoiceInfo, type ParameterInfo, type SettingInfo } from './catalogue';
import { formatParam } from './format';
import { paramToJson, type ParamForm, type ParamMode } from './paramForm';
import { prunerSettingsPath, strategySettingsPath } from './spec';

export interface ParameterRow {
  parameter: ParameterInfo;
  label: string;
  /** What it is, its bounds, and when it applies. */
  hint: string;
  modes: ParamMode[];
  /** When it applies, as the catalogue words it ("optimizer is momentum"); '' when always. */
  condition: string;
  /** L for a layer's own width (unitsL, applies when hiddenLayers >= L): these rows fold under hiddenLayers. */
  layer: number | null;
}

export function parameterRows(parameters: ParameterInfo[]): ParameterRow[] {
  return parameters.map((p) => {
    const condition = p.condition?.text ?? '';
    return {
      parameter: p,
      label: labelOf(p.name),
      hint: [p.description, boundsText(p), condition ? `applies when ${condition}` : ''].filter((t) => t !== '').join(' · '),
      modes: isNumeric(p) ? ['default', 'fixed', 'choice', 'range'] : ['default', 'fixed', 'choice'],
      condition,
      layer: p.condition?.parameter === 'hiddenLayers' && p.condition.atLeast !== null ? p.condition.atLeast : null,
    };
  });
}

/**
 * The values a parameter may take as the form stands: its default, the fixed value, the choices, or a range's
 * upper end (enough to decide an "at least" condition); null when the form does not say (nothing typed yet).
 */
function possibleValues(p: ParameterInfo, f: ParamForm | undefined): unknown[] | null {
  const v = f ? paramToJson(p, f) : undefined;
  if (v === undefined) return [p.default];
  if (typeof v !== 'object' || v === null) return [v];
  const o = v as { choice?: unknown[]; intRange?: { max?: unknown }; floatRange?: { max?: unknown } };
  if (o.choice) return o.choice;
  const max = (o.intRange ?? o.floatRange)?.max;
  return typeof max === 'number' ? [max] : null;
}

/**
 * Whether a parameter can apply under the form's other parameters (the catalogue's condition, and the condition
 * of the parameter it reads): false greys it out, as the server will neither draw nor record it.
 */
export function mayApply(p: ParameterInfo, params: Record<string, ParamForm>, parameters: ParameterInfo[]): boolean {
  const c = p.condition;
  if (!c) return true;
  const deciding = parameters.find((d) => d.name === c.parameter);
  if (!deciding || !mayApply(deciding, params, parameters)) return false;
  const values = possibleValues(deciding, params[c.parameter]);
  if (values === null) return true;
  return values.some((v) => (c.atLeast !== null ? typeof v === 'number' && v >= c.atLeast : (c.values ?? []).includes(String(v))));
}

export interface SettingField {
  id: string;
  /** The setting's path in the spec: where its value goes and where the server's errors name it. */
  path: string;
  label: string;
  hint: string;
  placeholder: string;
  inputmode: 'numeric' | 'decimal';
}

export interface SettingsSection {
  choice: ChoiceInfo;
  /** Where the choice's settings go in the spec ("coarseToFine", "pruner.asha"). */
  path: string;
  legend: string;
  fields: SettingField[];
}

function settingHint(s: SettingInfo): string {
  const hasDefault = s.default !== null && s.default !== undefined;
  return [s.description, boundsText({ min: s.min, max: s.max, minInclusive: true, maxInclusive: true }), hasDefault ? `default ${formatParam(s.default)}` : '']
    .filter((t) => t !== '').join(' · ');
}

/** The sections of the choices that have settings, in catalogue order. */
export function settingsSections(
  choices: ChoiceInfo[],
  path: (c: ChoiceInfo) => string,
  legend: (c: ChoiceInfo) => string,
  id: (c: ChoiceInfo, s: SettingInfo) => string,
): SettingsSection[] {
  return choices.filter((c) => c.settings.length).map((c) => ({
    choice: c,
    path: path(c),
    legend: legend(c),
    fields: c.settings.map((s) => ({
      id: id(c, s),
      path: `${path(c)}.${s.name}`,
      label: labelOf(s.name),
      hint: settingHint(s),
      placeholder: s.default !== null && s.default !== undefined ? String(s.default) : '',
      inputmode: s.type === 'int' ? 'numeric' : 'decimal',
    })),
  }));
}

/** Coarse-to-fine's stages and the like; inputs named after the setting ("f-stages"). */
export function strategySections(c: Catalogue): SettingsSection[] {
  return settingsSections(c.strategies, strategySettingsPath, (s) => `${labelOf(s.name)} settings`, (_, s) => `f-${s.name}`);
}

/** The median rule's warm-up, ASHA's rungs...; inputs named after pruner and setting ("f-asha-eta"). */
export function prunerSections(c: Catalogue): SettingsSection[] {
  return settingsSections(c.pruners, prunerSettingsPath, (p) => `${labelOf(p.name)} pruner settings`, (p, s) => `f-${p.name}-${s.name}`);
}
