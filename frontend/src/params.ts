// The MLP parameter catalogue (mirrors dev.hypersearch.search.MlpParameters) and what a search's space
// says about each parameter: fixed or varying, numeric or categorical, log-scaled or not.

export type ParamType = 'float' | 'int' | 'categorical' | 'boolean';

export interface ParamDef {
  name: string;
  label: string;
  type: ParamType;
  /** Allowed values of a categorical parameter. */
  values?: string[];
  defaultValue: number | string | boolean;
  /** Bounds as text for hints, e.g. "(0, 10]". */
  bounds?: string;
  help: string;
}

/** In canonical order: the server's grids and random draws follow it. */
export const PARAMS: ParamDef[] = [
  { name: 'learningRate', label: 'Learning rate', type: 'float', defaultValue: 0.01, bounds: '(0, 10]', help: 'Step size of the optimizer' },
  { name: 'epochs', label: 'Epochs', type: 'int', defaultValue: 20, bounds: '[1, 10000]', help: 'Passes over the training set (early stopping may end sooner)' },
  { name: 'hiddenLayers', label: 'Hidden layers', type: 'int', defaultValue: 1, bounds: '[0, 16]', help: 'Number of hidden layers' },
  { name: 'hiddenUnits', label: 'Hidden units', type: 'int', defaultValue: 64, bounds: '[1, 4096]', help: 'Units per hidden layer' },
  { name: 'activation', label: 'Activation', type: 'categorical', values: ['sigmoid', 'tanh', 'relu', 'leaky_relu', 'prelu', 'elu', 'linear'], defaultValue: 'relu', help: 'Hidden-layer activation' },
  { name: 'leakySlope', label: 'Leaky slope', type: 'float', defaultValue: 0.01, bounds: '[0, 1)', help: 'Negative slope of leaky_relu' },
  { name: 'eluAlpha', label: 'ELU alpha', type: 'float', defaultValue: 1.0, bounds: '(0, 10]', help: 'Alpha of elu' },
  { name: 'init', label: 'Initializer', type: 'categorical', values: ['zeros', 'small_random', 'xavier', 'he'], defaultValue: 'he', help: 'Weight initialization' },
  { name: 'batchNorm', label: 'Batch norm', type: 'boolean', defaultValue: false, help: 'Batch normalization after each hidden layer' },
  { name: 'optimizer', label: 'Optimizer', type: 'categorical', values: ['sgd', 'momentum', 'adam'], defaultValue: 'adam', help: 'Update rule' },
  { name: 'momentum', label: 'Momentum', type: 'float', defaultValue: 0.9, bounds: '[0, 1)', help: 'Momentum of the momentum optimizer' },
  { name: 'beta1', label: 'Adam β1', type: 'float', defaultValue: 0.9, bounds: '[0, 1)', help: 'First-moment decay of adam' },
  { name: 'beta2', label: 'Adam β2', type: 'float', defaultValue: 0.999, bounds: '[0, 1)', help: 'Second-moment decay of adam' },
  { name: 'batchSize', label: 'Batch size', type: 'int', defaultValue: 64, bounds: '[1, 100000]', help: 'Mini-batch size' },
  { name: 'l2', label: 'L2', type: 'float', defaultValue: 0, bounds: '[0, 1]', help: 'L2 weight penalty' },
];

export const PARAM_BY_NAME: Record<string, ParamDef> = Object.fromEntries(PARAMS.map((p) => [p.name, p]));

export type AxisKind = 'value' | 'log' | 'category';

/** How one parameter of a given search's space varies. */
export interface ParamMeta {
  name: string;
  varying: boolean;
  axis: AxisKind;
  /** For category axes: the values in display order (strings). */
  categories?: string[];
  /** The fixed value when not varying. */
  fixed?: unknown;
}

/**
 * Reads a search's space: which parameters vary (those are the leaderboard's and charts' columns), and
 * on which kind of axis to plot each. Parameters missing from the space take their defaults.
 */
export function spaceMeta(spec: Record<string, unknown> | undefined): ParamMeta[] {
  const space = (spec?.space ?? {}) as Record<string, unknown>;
  const out: ParamMeta[] = [];
  const names = [...PARAMS.map((p) => p.name), ...Object.keys(space).filter((k) => !PARAM_BY_NAME[k])];
  for (const name of names) {
    const def = PARAM_BY_NAME[name];
    const raw = space[name];
    const numeric = def ? def.type === 'float' || def.type === 'int' : typeof raw === 'number';
    if (raw === undefined) {
      out.push({ name, varying: false, axis: numeric ? 'value' : 'category', fixed: def?.defaultValue });
      continue;
    }
    if (raw !== null && typeof raw === 'object' && !Array.isArray(raw)) {
      const o = raw as Record<string, unknown>;
      if (Array.isArray(o.choice)) {
        const values = o.choice as unknown[];
        const allNumbers = values.every((v) => typeof v === 'number');
        const positive = allNumbers && values.every((v) => (v as number) > 0);
        const spread = positive ? Math.max(...(values as number[])) / Math.min(...(values as number[])) : 0;
        const axis: AxisKind = allNumbers ? (spread >= 100 ? 'log' : 'value') : 'category';
        out.push({
          name,
          varying: values.length > 1,
          axis,
          categories: axis === 'category' ? values.map(String) : undefined,
          fixed: values.length === 1 ? values[0] : undefined,
        });
        continue;
      }
      if (o.floatRange && typeof o.floatRange === 'object') {
        const r = o.floatRange as Record<string, unknown>;
        out.push({ name, varying: r.min !== r.max, axis: r.log === true ? 'log' : 'value', fixed: r.min === r.max ? r.min : undefined });
        continue;
      }
      if (o.intRange && typeof o.intRange === 'object') {
        const r = o.intRange as Record<string, unknown>;
        out.push({ name, varying: r.min !== r.max, axis: 'value', fixed: r.min === r.max ? r.min : undefined });
        continue;
      }
    }
    out.push({ name, varying: false, axis: numeric ? 'value' : 'category', fixed: raw });
  }
  return out;
}
