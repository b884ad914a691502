// The MLP parameter catalogue (mirrors dev.hypersearch.search.MlpParameters).

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
