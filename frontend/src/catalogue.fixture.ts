// A catalogue as GET /api/parameters serves it (contracts.md), for tests.
import type { Catalogue, ParameterInfo } from './catalogue';

const num = (name: string, type: 'float' | 'int', min: number, minInclusive: boolean, max: number, maxInclusive: boolean,
  def: number | null, description: string, logScale = false, condition: ParameterInfo['condition'] = null): ParameterInfo =>
  ({ name, type, min, max, minInclusive, maxInclusive, values: null, default: def, description, logScale, condition });
const cat = (name: string, values: string[], def: string, description: string): ParameterInfo =>
  ({ name, type: 'categorical', min: null, max: null, minInclusive: null, maxInclusive: null, values, default: def, description, logScale: false, condition: null });

export const CATALOGUE: Catalogue = {
  parameters: [
    num('learningRate', 'float', 0, false, 10, true, 0.01, 'Step size of the optimizer', true),
    num('epochs', 'int', 1, true, 10000, true, 20, 'Passes over the training set (early stopping may end sooner)'),
    num('hiddenLayers', 'int', 0, true, 16, true, 1, 'Number of hidden layers'),
    num('hiddenUnits', 'int', 1, true, 4096, true, 64, 'Units per hidden layer', true),
    ...[1, 2, 3].map((l) => num(`units${l}`, 'int', 1, true, 4096, true, null, `Units in hidden layer ${l}`, true,
      { parameter: 'hiddenLayers', values: null, atLeast: l, text: `hiddenLayers >= ${l}` })),
    cat('activation', ['sigmoid', 'tanh', 'relu', 'leaky_relu', 'prelu', 'elu', 'linear'], 'relu', 'Hidden-layer activation'),
    num('leakySlope', 'float', 0, true, 1, false, 0.01, 'Negative slope of leaky_relu', false, { parameter: 'activation', values: ['leaky_relu'], atLeast: null, text: 'activation is leaky_relu' }),
    num('eluAlpha', 'float', 0, false, 10, true, 1.0, 'Alpha of elu', false, { parameter: 'activation', values: ['elu'], atLeast: null, text: 'activation is elu' }),
    cat('init', ['zeros', 'small_random', 'xavier', 'he', 'glorot_uniform'], 'he', 'Weight initialization'),
    { name: 'batchNorm', type: 'boolean', min: null, max: null, minInclusive: null, maxInclusive: null, values: null, default: false,
      description: 'Batch normalization after each hidden layer', logScale: false, condition: null },
    cat('optimizer', ['sgd', 'momentum', 'adam'], 'adam', 'Update rule'),
    num('momentum', 'float', 0, true, 1, false, 0.9, 'Momentum of the momentum optimizer', false, { parameter: 'optimizer', values: ['momentum'], atLeast: null, text: 'optimizer is momentum' }),
    num('beta1', 'float', 0, true, 1, false, 0.9, 'First-moment decay of adam', false, { parameter: 'optimizer', values: ['adam'], atLeast: null, text: 'optimizer is adam' }),
    num('beta2', 'float', 0, true, 1, false, 0.999, 'Second-moment decay of adam', false, { parameter: 'optimizer', values: ['adam'], atLeast: null, text: 'optimizer is adam' }),
    num('batchSize', 'int', 1, true, 100000, true, 64, 'Mini-batch size', true),
    num('l2', 'float', 0, true, 1, true, 0, 'L2 weight penalty', true),
  ],
  strategies: [
    { name: 'grid', description: 'every combination of the space', settings: [] },
    { name: 'random', description: 'maxTrials independent draws', settings: [] },
    { name: 'coarse-to-fine', description: 'stages of random draws, each narrowed around the best of the one before', settings: [
      { name: 'stages', type: 'int', min: 1, max: 10, minInclusive: true, maxInclusive: true, default: 3, description: 'number of stages' },
      { name: 'trialsPerStage', type: 'int', min: 1, max: 10000, minInclusive: true, maxInclusive: true, default: null, description: 'trials in each stage' },
      { name: 'topFraction', type: 'float', min: 0, max: 1, minInclusive: false, maxInclusive: true, default: 0.25, description: 'fraction of the best trials the next stage narrows around' },
    ] },
    { name: 'tpe', description: 'tree-structured Parzen estimator: each trial learns from the trials finished when a worker claims it', settings: [
      { name: 'startupTrials', type: 'int', min: 1, max: 10000, minInclusive: true, maxInclusive: true, default: 10, description: 'Random trials before the model takes over' },
      { name: 'candidates', type: 'int', min: 1, max: 1000, minInclusive: true, maxInclusive: true, default: 24, description: 'Points drawn from the good trials\' density per parameter; the most promising is tried' },
      { name: 'gamma', type: 'float', min: 0, max: 1, minInclusive: false, maxInclusive: false, default: 0.25, description: 'Fraction of the finished trials (best first) that count as good' },
    ] },
  ],
  pruners: [
    { name: 'none', description: 'every trial runs all its epochs', settings: [] },
    { name: 'median', description: 'stop a trial whose best loss is worse than the median of others at the same epoch', settings: [
      { name: 'warmupEpochs', type: 'int', min: 0, max: 10000, minInclusive: true, maxInclusive: true, default: 5, description: 'epochs before a trial may be stopped' },
      { name: 'startupTrials', type: 'int', min: 1, max: 10000, minInclusive: true, maxInclusive: true, default: 5, description: 'trials that must report first' },
    ] },
    { name: 'asha', description: 'asynchronous successive halving', settings: [
      { name: 'minEpochs', type: 'int', min: 1, max: 10000, minInclusive: true, maxInclusive: true, default: 1, description: 'epochs at the first rung' },
      { name: 'eta', type: 'int', min: 2, max: 10000, minInclusive: true, maxInclusive: true, default: 3, description: 'reduction factor between rungs' },
    ] },
  ],
};

export function param(name: string): ParameterInfo {
  return CATALOGUE.parameters.find((p) => p.name === name)!;
}
