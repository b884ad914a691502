// One parameter of the new-search form: how it varies (left to its default, fixed, a choice, a range)
// with what the user typed, and its mapping to and from the spec's distribution JSON. Conversion is
// lenient (a non-number stays a string) so that the server, which owns validation, names the field.
import type { ParameterInfo } from './catalogue';

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

export function emptyParam(def: ParameterInfo | undefined): ParamForm {
  return {
    mode: 'default',
    fixed: def && def.default !== null ? String(def.default) : '',
    choiceText: '',
    choiceSet: [],
    min: '',
    max: '',
    step: '',
    log: false,
    points: '',
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

function parseScalar(def: ParameterInfo | undefined, text: string): unknown {
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

function isCategorical(def: ParameterInfo | undefined): boolean {
  return !!def && (def.type === 'categorical' || def.type === 'boolean');
}

/** One parameter's JSON value, or undefined when it is left to the server's default. */
export function paramToJson(def: ParameterInfo | undefined, f: ParamForm): unknown {
  switch (f.mode) {
    case 'default':
      return undefined;
    case 'fixed':
      return parseScalar(def, f.fixed);
    case 'choice': {
      const raw = isCategorical(def) ? f.choiceSet : splitList(f.choiceText);
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

function text(v: unknown): string {
  return v === undefined || v === null ? '' : String(v);
}

/** Reads one parameter's JSON value into the editor; null when the editor cannot represent it. */
export function paramFromJson(def: ParameterInfo | undefined, v: unknown): ParamForm | null {
  const f = emptyParam(def);
  if (v === undefined) return f;
  if (v === null || Array.isArray(v)) return null;
  if (typeof v !== 'object') {
    f.mode = 'fixed';
    f.fixed = String(v);
    return f;
  }
  const o = v as Record<string, unknown>;
  if (Object.keys(o).length !== 1) return null;
  if (Array.isArray(o.choice)) {
    f.mode = 'choice';
    if (isCategorical(def)) f.choiceSet = o.choice.map(String);
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
