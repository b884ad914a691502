// The new-search form's state and its mapping to and from the JSON spec the API takes. The form keeps
// what the user typed as text; conversion is lenient (a non-number stays a string) so that the server,
// which owns validation, can name the field and say what is wrong with it.

import { PARAMS, PARAM_BY_NAME, type ParamDef } from './params';

export type ParamMode = 'default' | 'fixed' | 'choice' | 'range';

export interface ParamForm {
  mode: ParamMode;
  /** Fixed value as typed (or the selected value for categorical / boolean). */
  fixed: string;
  /** Choice values as a comma-separated list (numeric parameters). */
  choiceText: string;
  /** Chosen values (categorical and boolean parameters). */
  choiceSet: string[];
  min: string;
  max: string;
  step: string;
  log: boolean;
  points: string;
}

export interface SpecForm {
  name: string;
  dataset: string;
  strategy: string;
  maxTrials: string;
  seed: string;
  validationFraction: string;
  maxFailedTrials: string;
  /** '' (server default), 'none', 'median' or 'asha'. */
  pruner: string;
  /** Cross-validation folds; '' means a holdout of validationFraction. */
  folds: string;
  sanityCheck: boolean;
  stages: string;
  trialsPerStage: string;
  topFraction: string;
  params: Record<string, ParamForm>;
  /** Keys the form has no editor for, kept verbatim so a pasted spec round-trips (the server judges them). */
  extra: Record<string, unknown>;
  extraSpace: Record<string, unknown>;
}

export function emptyParam(def: ParamDef | undefined): ParamForm {
  return {
    mode: 'default',
    fixed: def ? String(def.defaultValue) : '',
    choiceText: '',
    choiceSet: [],
    min: '',
    max: '',
    step: '',
    log: false,
    points: '',
  };
}

export function defaultForm(): SpecForm {
  const params: Record<string, ParamForm> = {};
  for (const p of PARAMS) {
    params[p.name] = emptyParam(p);
  }
  return {
    name: '',
    dataset: 'iris',
    strategy: 'random',
    maxTrials: '20',
    seed: '42',
    validationFraction: '',
    maxFailedTrials: '',
    pruner: '',
    folds: '',
    sanityCheck: false,
    stages: '',
    trialsPerStage: '',
    topFraction: '',
    params,
    extra: {},
    extraSpace: {},
  };
}

/** A number when the text is one, else the trimmed text itself (for the server to reject by name). */
export function parseNumber(text: string): number | string {
  const t = text.trim();
  if (t === '') {
    return t;
  }
  const n = Number(t);
  return Number.isFinite(n) ? n : t;
}

function parseScalar(def: ParamDef | undefined, text: string): unknown {
  const t = text.trim();
  if (!def) {
    const n = parseNumber(t);
    return typeof n === 'number' ? n : t === 'true' ? true : t === 'false' ? false : t;
  }
  switch (def.type) {
    case 'float':
    case 'int':
      return parseNumber(t);
    case 'boolean':
      return t === 'true' ? true : t === 'false' ? false : t;
    default:
      return t;
  }
}

function splitList(text: string): string[] {
  return text
    .split(/[,\s]+/)
    .map((s) => s.trim())
    .filter((s) => s !== '');
}

/** One parameter's JSON value, or undefined when it is left to the server's default. */
export function paramToJson(def: ParamDef | undefined, f: ParamForm): unknown {
  switch (f.mode) {
    case 'default':
      return undefined;
    case 'fixed':
      return parseScalar(def, f.fixed);
    case 'choice': {
      const categorical = def && (def.type === 'categorical' || def.type === 'boolean');
      const raw = categorical ? f.choiceSet : splitList(f.choiceText);
      return { choice: raw.map((v) => parseScalar(def, v)) };
    }
    case 'range': {
      const body: Record<string, unknown> = {};
      if (f.min.trim() !== '') body.min = parseNumber(f.min);
      if (f.max.trim() !== '') body.max = parseNumber(f.max);
      if (def?.type === 'int') {
        if (f.step.trim() !== '') body.step = parseNumber(f.step);
        return { intRange: body };
      }
      if (f.log) body.log = true;
      if (f.points.trim() !== '') body.points = parseNumber(f.points);
      return { floatRange: body };
    }
  }
}

/** The spec JSON for the API. Empty optional fields are left out (the server applies its defaults). */
export function formToSpec(form: SpecForm): Record<string, unknown> {
  const spec: Record<string, unknown> = {};
  if (form.name.trim() !== '') spec.name = form.name.trim();
  if (form.dataset !== '') spec.dataset = form.dataset;
  spec.strategy = form.strategy;
  if (form.maxTrials.trim() !== '') spec.maxTrials = parseNumber(form.maxTrials);
  if (form.seed.trim() !== '') spec.seed = parseNumber(form.seed);
  if (form.validationFraction.trim() !== '') spec.validationFraction = parseNumber(form.validationFraction);
  if (form.maxFailedTrials.trim() !== '') spec.maxFailedTrials = parseNumber(form.maxFailedTrials);
  if (form.strategy === 'coarse-to-fine') {
    const c: Record<string, unknown> = {};
    if (form.stages.trim() !== '') c.stages = parseNumber(form.stages);
    if (form.trialsPerStage.trim() !== '') c.trialsPerStage = parseNumber(form.trialsPerStage);
    if (form.topFraction.trim() !== '') c.topFraction = parseNumber(form.topFraction);
    spec.coarseToFine = c;
  }
  if (form.pruner !== '') spec.pruner = form.pruner;
  if (form.folds.trim() !== '') spec.validation = { folds: parseNumber(form.folds) };
  if (form.sanityCheck) spec.sanityCheck = true;
  const space: Record<string, unknown> = {};
  for (const p of PARAMS) {
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

function isText(v: unknown): boolean {
  return typeof v === 'string' || typeof v === 'number';
}

function text(v: unknown): string {
  return v === undefined || v === null ? '' : String(v);
}

/** Reads one parameter's JSON value into the editor; null when the editor cannot represent it. */
export function paramFromJson(def: ParamDef | undefined, v: unknown): ParamForm | null {
  const f = emptyParam(def);
  if (v === undefined) return f;
  if (v === null || Array.isArray(v)) return null;
  if (typeof v !== 'object') {
    f.mode = 'fixed';
    f.fixed = String(v);
    return f;
  }
  const o = v as Record<string, unknown>;
  const keys = Object.keys(o);
  if (keys.length !== 1) return null;
  if (Array.isArray(o.choice)) {
    f.mode = 'choice';
    const categorical = def && (def.type === 'categorical' || def.type === 'boolean');
    if (categorical) f.choiceSet = o.choice.map(String);
    else f.choiceText = o.choice.map(String).join(', ');
    return f;
  }
  const range = (o.intRange ?? o.floatRange) as Record<string, unknown> | undefined;
  if (range && typeof range === 'object' && !Array.isArray(range)) {
    const isInt = 'intRange' in o;
    if (def && (isInt ? def.type !== 'int' : def.type !== 'float')) return null;
    const allowed = isInt ? ['min', 'max', 'step'] : ['min', 'max', 'log', 'points'];
    if (Object.keys(range).some((k) => !allowed.includes(k))) return null;
    if ('log' in range && typeof range.log !== 'boolean') return null;
    f.mode = 'range';
    f.min = text(range.min);
    f.max = text(range.max);
    f.step = text(range.step);
    f.log = range.log === true;
    f.points = text(range.points);
    return f;
  }
  return null;
}

/** Reads a pasted spec into the form; whatever has no editor is kept in extra / extraSpace. */
export function specToForm(spec: Record<string, unknown>): SpecForm {
  const form = defaultForm();
  form.maxTrials = '';
  form.seed = '';
  const known = ['name', 'dataset', 'strategy', 'maxTrials', 'seed', 'validationFraction', 'maxFailedTrials', 'space',
    'pruner', 'validation', 'sanityCheck', 'coarseToFine'];
  for (const [k, v] of Object.entries(spec)) {
    if (!known.includes(k)) form.extra[k] = v;
  }
  const keepIfNotText = (key: string, v: unknown): string => {
    if (v === undefined) return '';
    if (typeof v === 'string' || typeof v === 'number') return String(v);
    form.extra[key] = v;
    return '';
  };
  form.name = keepIfNotText('name', spec.name);
  form.dataset = keepIfNotText('dataset', spec.dataset);
  form.strategy = keepIfNotText('strategy', spec.strategy) || 'random';
  form.maxTrials = keepIfNotText('maxTrials', spec.maxTrials);
  form.seed = keepIfNotText('seed', spec.seed);
  form.validationFraction = keepIfNotText('validationFraction', spec.validationFraction);
  form.maxFailedTrials = keepIfNotText('maxFailedTrials', spec.maxFailedTrials);
  if (typeof spec.pruner === 'string') form.pruner = spec.pruner;
  else if (spec.pruner !== undefined) form.extra.pruner = spec.pruner;
  const validation = spec.validation as Record<string, unknown> | undefined;
  if (isPlainObject(validation) && Object.keys(validation).join() === 'folds' && isText(validation.folds)) form.folds = String(validation.folds);
  else if (validation !== undefined) form.extra.validation = validation;
  if (spec.sanityCheck === true) form.sanityCheck = true;
  else if (spec.sanityCheck !== undefined && spec.sanityCheck !== false) form.extra.sanityCheck = spec.sanityCheck;
  const c = spec.coarseToFine as Record<string, unknown> | undefined;
  const cKeys = ['stages', 'trialsPerStage', 'topFraction'];
  if (form.strategy === 'coarse-to-fine' && isPlainObject(c) && Object.entries(c).every(([k, v]) => cKeys.includes(k) && isText(v))) {
    form.stages = c.stages === undefined ? '' : String(c.stages);
    form.trialsPerStage = c.trialsPerStage === undefined ? '' : String(c.trialsPerStage);
    form.topFraction = c.topFraction === undefined ? '' : String(c.topFraction);
  } else if (c !== undefined) {
    form.extra.coarseToFine = c;
  }
  const space = spec.space;
  if (space !== undefined && (space === null || typeof space !== 'object' || Array.isArray(space))) {
    form.extra.space = space;
    return form;
  }
  for (const [name, v] of Object.entries((space ?? {}) as Record<string, unknown>)) {
    const def = PARAM_BY_NAME[name];
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
