// The contract's SearchSpec schema (generated on the server from the parameter catalogue) is a valid JSON Schema
// that accepts the specs the service accepts and refuses shapes the parser refuses, so clients can validate
// against it before submitting.
import Ajv2020 from 'ajv/dist/2020';
import { describe, expect, test } from 'vitest';
import contract from '../openapi.json';

const ajv = new Ajv2020({ strict: false, allErrors: true, validateFormats: false });
ajv.addSchema(contract, 'contract');
const validSpec = ajv.getSchema('contract#/components/schemas/SearchSpec')!;

const base = { name: 'n', dataset: 'iris' };

describe('SearchSpec schema', () => {
  test.each([
    ['the README example', { ...base, strategy: 'random', maxTrials: 20, seed: 42, space: {
      learningRate: { floatRange: { min: 1e-4, max: 1e-1, log: true } }, hiddenLayers: { intRange: { min: 1, max: 3 } },
      hiddenUnits: { choice: [16, 32, 64] }, activation: { choice: ['relu', 'tanh', 'elu'] }, epochs: 30, batchSize: 16 } }],
    ['a bare grid', { ...base, strategy: 'grid' }],
    ['coarse-to-fine with ASHA, folds and a sanity check', { ...base, strategy: 'coarse-to-fine', seed: 1,
      coarseToFine: { trialsPerStage: 20 }, pruner: { asha: { eta: 3 } }, validation: { folds: 5 }, sanityCheck: true,
      space: { epochs: 10, batchNorm: { choice: [true, false] }, optimizer: 'momentum', momentum: 0.5 } }],
    ['a named pruner and grid points', { ...base, strategy: 'grid', pruner: 'median', validationFraction: 0.3,
      space: { learningRate: { floatRange: { min: 0.001, max: 0.1, points: 3 } }, l2: 0 } }],
  ])('accepts %s', (_, spec) => {
    expect(validSpec(spec), JSON.stringify(validSpec.errors)).toBe(true);
  });

  test.each([
    ['a float range over an int parameter', { space: { epochs: { floatRange: { min: 1, max: 2 } } } }],
    ['an unknown parameter', { space: { lr: 0.1 } }],
    ['a value out of bounds', { space: { learningRate: 0 } }],
    ['an unknown activation', { space: { activation: 'step' } }],
    ['a bare list', { space: { hiddenUnits: [8, 16] } }],
    ['two distributions at once', { space: { epochs: { choice: [1], intRange: { min: 1, max: 2 } } } }],
    ['a setting of another pruner', { pruner: { median: { eta: 3 } } }],
    ['an unknown strategy', { strategy: 'bayes' }],
    ['an unknown field', { budget: 3 }],
  ])('refuses %s', (_, change) => {
    expect(validSpec({ ...base, strategy: 'grid', ...change })).toBe(false);
  });
});
