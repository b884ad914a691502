// The new-search form's state and its mapping to and from the JSON spec the API takes, given the
// server's catalogue (which parameters, strategies and pruners exist, with which settings). The form
// keeps what the user typed as text; whatever it has no editor for is kept verbatim, so that a pasted
// spec round-trips and the server, which owns validation, judges it.
import { settingsKey, type Catalogue, type ChoiceInfo } from './catalogue';
import { emptyParam, paramFromJson, paramToJson, parseNumber, type ParamForm } from './paramForm';

/** Top-level spec fields the form edits as numbers, in the spec's own names. */
export const NUMBER_FIELDS = ['maxTrials', 'seed', 'validationFraction', 'maxFailedTrials'] as const;
type NumberField = (typeof NUMBER_FIELDS)[number];

export interface SpecForm extends Record<NumberField, string> {
  name: string;
  dataset: string;
  strategy: string;
  /** '' (server default) or a pruner's name. */
  pruner: string;
  /** Cross-validation folds; '' means a holdout of validationFraction. */
  folds: string;
  sanityCheck: boolean;
  /** Strategy and pruner settings as typed, by their path in the spec: "coarseToFine.stages", "pruner.asha.eta". */
  settings: Record<string, string>;
  params: Record<string, ParamForm>;
  /** Keys the form has no editor for, kept verbatim so a pasted spec round-trips (the server judges them). */
  extra: Record<string, unknown>;
  extraSpace: Record<string, unknown>;
}

/** Where a strategy's settings go in the spec ("coarseToFine"), and a pruner's ("pruner.asha"). */
export function strategySettingsPath(s: ChoiceInfo): string {
  return settingsKey(s.name);
}

export function prunerSettingsPath(p: ChoiceInfo): string {
  return `pruner.${p.name}`;
}

export function defaultForm(catalogue: Catalogue): SpecForm {
  const params: Record<string, ParamForm> = {};
  for (const p of catalogue.parameters) params[p.name] = emptyParam(p);
  return {
    name: '', dataset: 'iris', strategy: 'random', maxTrials: '20', seed: '42', validationFraction: '', maxFailedTrials: '',
    pruner: '', folds: '', sanityCheck: false, settings: {}, params, extra: {}, extraSpace: {},
  };
}

/** The typed settings under a path, as numbers where they are; empty ones left out. */
function settingsJson(form: SpecForm, choice: ChoiceInfo, path: string): Record<string, unknown> {
  const out: Record<string, unknown> = {};
  for (const s of choice.settings) {
    const t = form.settings[`${path}.${s.name}`] ?? '';
    if (t.trim() !== '') out[s.name] = parseNumber(t);
  }
  return out;
}

/** The spec JSON for the API. Empty optional fields are left out (the server applies its defaults). */
export function formToSpec(form: SpecForm, catalogue: Catalogue): Record<string, unknown> {
  const spec: Record<string, unknown> = {};
  if (form.name.trim() !== '') spec.name = form.name.trim();
  if (form.dataset !== '') spec.dataset = form.dataset;
  spec.strategy = form.strategy;
  for (const k of NUMBER_FIELDS) {
    if (form[k].trim() !== '') spec[k] = parseNumber(form[k]);
  }
  const strategy = catalogue.strategies.find((s) => s.name === form.strategy);
  if (strategy && strategy.settings.length) spec[strategySettingsPath(strategy)] = settingsJson(form, strategy, strategySettingsPath(strategy));
  const pruner = catalogue.pruners.find((p) => p.name === form.pruner);
  if (pruner) {
    const settings = settingsJson(form, pruner, prunerSettingsPath(pruner));
    spec.pruner = Object.keys(settings).length ? { [pruner.name]: settings } : pruner.name;
  } else if (form.pruner !== '') {
    spec.pruner = form.pruner;
  }
  if (form.folds.trim() !== '') spec.validation = { folds: parseNumber(form.folds) };
  if (form.sanityCheck) spec.sanityCheck = true;
  const space: Record<string, unknown> = {};
  for (const p of catalogue.parameters) {
    const v = paramToJson(p, form.params[p.name] ?? emptyParam(p));
    if (v !== undefined) space[p.name] = v;
  }
  Object.assign(space, form.extraSpace);
  spec.space = space;
  return { ...spec, ...form.extra };
}

function isPlainObject(v: unknown): v is Record<string, unknown> {
  return v !== null && typeof v === 'object' && !Array.isArray(v);
}

function isText(v: unknown): v is string | number {
  return typeof v === 'string' || typeof v === 'number';
}

/** Settings the form can edit: an object of known names with text values. Fills them in; false otherwise. */
function readSettings(form: SpecForm, choice: ChoiceInfo, path: string, body: unknown): boolean {
  const names = choice.settings.map((s) => s.name);
  if (!isPlainObject(body) || !Object.entries(body).every(([k, v]) => names.includes(k) && isText(v))) return false;
  for (const [k, v] of Object.entries(body)) form.settings[`${path}.${k}`] = String(v);
  return true;
}

function readPruner(form: SpecForm, catalogue: Catalogue, raw: unknown): boolean {
  if (typeof raw === 'string') {
    form.pruner = raw;
    return true;
  }
  if (!isPlainObject(raw) || Object.keys(raw).length !== 1) return false;
  const [name, body] = Object.entries(raw)[0];
  const pruner = catalogue.pruners.find((p) => p.name === name);
  if (!pruner || !readSettings(form, pruner, prunerSettingsPath(pruner), body ?? {})) return false;
  form.pruner = name;
  return true;
}

/** Reads a pasted spec into the form; whatever has no editor is kept in extra / extraSpace. */
export function specToForm(spec: Record<string, unknown>, catalogue: Catalogue): SpecForm {
  const form = defaultForm(catalogue);
  const withSettings = catalogue.strategies.filter((s) => s.settings.length);
  const known = ['name', 'dataset', 'strategy', ...NUMBER_FIELDS, 'space', 'pruner', 'validation', 'sanityCheck',
    ...withSettings.map(strategySettingsPath)];
  for (const [k, v] of Object.entries(spec)) {
    if (!known.includes(k)) form.extra[k] = v;
  }
  const keepIfNotText = (key: string, v: unknown): string => {
    if (v === undefined) return '';
    if (isText(v)) return String(v);
    form.extra[key] = v;
    return '';
  };
  form.name = keepIfNotText('name', spec.name);
  form.dataset = keepIfNotText('dataset', spec.dataset);
  form.strategy = keepIfNotText('strategy', spec.strategy) || 'random';
  for (const k of NUMBER_FIELDS) form[k] = keepIfNotText(k, spec[k]);
  if (spec.pruner !== undefined && !readPruner(form, catalogue, spec.pruner)) form.extra.pruner = spec.pruner;
  const validation = spec.validation;
  if (isPlainObject(validation) && Object.keys(validation).join() === 'folds' && isText(validation.folds)) form.folds = String(validation.folds);
  else if (validation !== undefined) form.extra.validation = validation;
  if (spec.sanityCheck === true) form.sanityCheck = true;
  else if (spec.sanityCheck !== undefined && spec.sanityCheck !== false) form.extra.sanityCheck = spec.sanityCheck;
  for (const s of withSettings) {
    const path = strategySettingsPath(s);
    const body = spec[path];
    if (body !== undefined && !(form.strategy === s.name && readSettings(form, s, path, body))) form.extra[path] = body;
  }
  const space = spec.space;
  if (space !== undefined && !isPlainObject(space)) {
    form.extra.space = space;
    return form;
  }
  for (const [name, v] of Object.entries(space ?? {})) {
    const def = catalogue.parameters.find((p) => p.name === name);
    const f = def ? paramFromJson(def, v) : null;
    if (f) form.params[name] = f;
    else form.extraSpace[name] = v;
  }
  return form;
}

/** Parses pasted JSON text into a spec object, or returns a message saying where the text is broken. */
export function parseSpecText(text: string): { spec: Record<string, unknown> } | { error: string } {
  try {
    const v: unknown = JSON.parse(text);
    if (v === null || typeof v !== 'object' || Array.isArray(v)) {
      return { error: 'the spec must be a JSON object' };
    }
    return { spec: v as Record<string, unknown> };
  } catch (e) {
    return { error: `not valid JSON: ${(e as Error).message}` };
  }
}

/**
 * Where to show a server error: the known field with the longest path that is a prefix of the error's
 * field at a path boundary ("space.lr.floatRange.min" goes to "space.lr.floatRange.min", or failing that
 * "space.lr"); null when none matches.
 */
export function errorTarget(field: string, known: Iterable<string>): string | null {
  let best: string | null = null;
  for (const k of known) {
    const matches = field === k || (field.startsWith(k) && (field[k.length] === '.' || field[k.length] === '['));
    if (matches && (best === null || k.length > best.length)) best = k;
  }
  return best;
}
