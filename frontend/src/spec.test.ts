import { describe, expect, test } from 'vitest';
import { CATALOGUE, param } from './catalogue.fixture';
import { paramFromJson, parseNumber } from './paramForm';
import { defaultForm as defaultFormOf, errorTarget, formToSpec as formToSpecOf, parseSpecText, specToForm as specToFormOf, type SpecForm } from './spec';

// The form as built from the server's catalogue.
const defaultForm = () => defaultFormOf(CATALOGUE);
const formToSpec = (f: SpecForm) => formToSpecOf(f, CATALOGUE);
const specToForm = (spec: Record<string, unknown>) => specToFormOf(spec, CATALOGUE);

describe('formToSpec', () => {
  test('leaves default parameters and empty optional fields out', () => {
    const f = defaultForm();
    f.name = ' iris ';
    f.seed = '7';
    f.maxTrials = '';
    expect(formToSpec(f)).toEqual({ name: 'iris', dataset: 'iris', strategy: 'random', seed: 7, space: {} });
  });

  test('writes fixed, choice and range distributions by parameter type', () => {
    const f = defaultForm();
    f.name = 'x';
    f.params.learningRate = { ...f.params.learningRate, mode: 'range', min: '1e-4', max: '0.1', log: true, points: '5' };
    f.params.hiddenLayers = { ...f.params.hiddenLayers, mode: 'range', min: '1', max: '3', step: '' };
    f.params.hiddenUnits = { ...f.params.hiddenUnits, mode: 'choice', choiceText: '16, 32,64' };
    f.params.activation = { ...f.params.activation, mode: 'choice', choiceSet: ['relu', 'tanh'] };
    f.params.batchNorm = { ...f.params.batchNorm, mode: 'choice', choiceSet: ['true', 'false'] };
    f.params.epochs = { ...f.params.epochs, mode: 'fixed', fixed: '30' };
    f.params.optimizer = { ...f.params.optimizer, mode: 'fixed', fixed: 'sgd' };
    expect(formToSpec(f).space).toEqual({
      learningRate: { floatRange: { min: 0.0001, max: 0.1, log: true, points: 5 } },
      epochs: 30,
      hiddenLayers: { intRange: { min: 1, max: 3 } },
      hiddenUnits: { choice: [16, 32, 64] },
      activation: { choice: ['relu', 'tanh'] },
      batchNorm: { choice: [true, false] },
      optimizer: 'sgd',
    });
  });

  test('keeps text that is not a number, so the server can name the field', () => {
    const f = defaultForm();
    f.maxTrials = 'ten';
    f.params.epochs = { ...f.params.epochs, mode: 'fixed', fixed: 'abc' };
    const spec = formToSpec(f);
    expect(spec.maxTrials).toBe('ten');
    expect((spec.space as Record<string, unknown>).epochs).toBe('abc');
  });

  test('parseNumber', () => {
    expect(parseNumber(' 1e-3 ')).toBe(0.001);
    expect(parseNumber('x1')).toBe('x1');
    expect(parseNumber('Infinity')).toBe('Infinity');
  });
});

describe('specToForm', () => {
  const spec = {
    name: 'digits-random',
    dataset: 'digits',
    strategy: 'random',
    maxTrials: 60,
    seed: 42,
    validationFraction: 0.2,
    space: {
      learningRate: { floatRange: { min: 1e-4, max: 1e-1, log: true } },
      epochs: 20,
      hiddenLayers: { intRange: { min: 1, max: 3, step: 1 } },
      hiddenUnits: { choice: [32, 64, 128, 256] },
      activation: { choice: ['relu', 'tanh'] },
      batchNorm: { choice: [true, false] },
      init: 'he',
    },
  };

  test('round-trips a spec through the form', () => {
    expect(formToSpec(specToForm(spec))).toEqual(spec);
  });

  test('keeps what the form cannot edit, so the server still sees it', () => {
    const odd = { name: 'n', dataset: 'iris', strategy: 'grid', colour: 'blue', space: { learningRate: { floatRange: { min: 0.1, max: 1, log: 'yes' } }, widht: 3 } };
    const f = specToForm(odd);
    expect(f.extra).toEqual({ colour: 'blue' });
    expect(f.extraSpace).toEqual({ learningRate: { floatRange: { min: 0.1, max: 1, log: 'yes' } }, widht: 3 });
    expect(formToSpec(f)).toEqual(odd);
  });

  test('an intRange on a float parameter has no editor', () => {
    expect(paramFromJson(param('learningRate'), { intRange: { min: 1, max: 2 } })).toBeNull();
    expect(paramFromJson(param('epochs'), { intRange: { min: 1, max: 2 } })?.mode).toBe('range');
  });
});

describe('strategy options', () => {
  test('coarse-to-fine, pruner, folds and sanity check', () => {
    const f = defaultForm();
    f.name = 'c';
    f.strategy = 'coarse-to-fine';
    f.maxTrials = '';
    f.settings['coarseToFine.stages'] = '3';
    f.settings['coarseToFine.trialsPerStage'] = '20';
    f.pruner = 'median';
    f.folds = '5';
    f.sanityCheck = true;
    const spec = formToSpec(f);
    expect(spec).toMatchObject({ strategy: 'coarse-to-fine', coarseToFine: { stages: 3, trialsPerStage: 20 }, pruner: 'median', validation: { folds: 5 }, sanityCheck: true });
    expect(formToSpec(specToForm(spec))).toEqual(spec);
  });

  test('tpe with its settings, and without (the server\'s defaults)', () => {
    const f = defaultForm();
    f.name = 't';
    f.strategy = 'tpe';
    f.maxTrials = '40';
    f.settings['tpe.startupTrials'] = '8';
    f.settings['tpe.gamma'] = '0.2';
    const spec = formToSpec(f);
    expect(spec).toMatchObject({ strategy: 'tpe', maxTrials: 40, tpe: { startupTrials: 8, gamma: 0.2 } });
    expect(spec.tpe).not.toHaveProperty('candidates');
    expect(formToSpec(specToForm(spec))).toEqual(spec);
    f.settings['tpe.startupTrials'] = '';
    f.settings['tpe.gamma'] = '';
    expect(formToSpec(f).tpe).toEqual({}); // every key optional
  });

  test('a pruner object or a coarseToFine with a stray key is kept verbatim', () => {
    const spec = { name: 'p', dataset: 'iris', strategy: 'coarse-to-fine', seed: 1, pruner: { asha: { minEpochs: 2, eta: 3, grace: 1 } },
      coarseToFine: { trialsPerStage: 10, shrink: 2 }, space: {} };
    const f = specToForm(spec);
    expect(f.extra).toEqual({ pruner: spec.pruner, coarseToFine: spec.coarseToFine });
    expect(formToSpec(f)).toEqual(spec);
  });

  test('pruner settings from the catalogue have editors: the name alone when none is set', () => {
    const spec = { name: 'p', dataset: 'iris', strategy: 'random', seed: 1, pruner: { asha: { minEpochs: 2, eta: 3 } }, space: {} };
    const f = specToForm(spec);
    expect(f.extra).toEqual({});
    expect(f).toMatchObject({ pruner: 'asha', settings: { 'pruner.asha.minEpochs': '2', 'pruner.asha.eta': '3' } });
    expect(formToSpec(f)).toEqual(spec);
    f.pruner = 'median';
    expect(formToSpec(f).pruner).toBe('median');
    f.settings['pruner.median.warmupEpochs'] = '4';
    expect(formToSpec(f).pruner).toEqual({ median: { warmupEpochs: 4 } });
  });

  test('a strategy without settings in the catalogue writes none', () => {
    const f = defaultForm();
    f.strategy = 'grid';
    f.settings['coarseToFine.stages'] = '3';
    expect(formToSpec(f)).not.toHaveProperty('coarseToFine');
  });
});

describe('parseSpecText', () => {
  test('accepts an object and rejects the rest with a message', () => {
    expect(parseSpecText('{"name":"a"}')).toEqual({ spec: { name: 'a' } });
    expect(parseSpecText('[1]')).toEqual({ error: 'the spec must be a JSON object' });
    expect('error' in parseSpecText('{"name":')).toBe(true);
  });
});

describe('errorTarget', () => {
  const known = ['name', 'space', 'space.learningRate', 'space.learningRate.floatRange.min', 'space.hiddenUnits.choice'];
  test('picks the longest known prefix at a path boundary', () => {
    expect(errorTarget('space.learningRate.floatRange.min', known)).toBe('space.learningRate.floatRange.min');
    expect(errorTarget('space.learningRate.floatRange.points', known)).toBe('space.learningRate');
    expect(errorTarget('space.hiddenUnits.choice[2]', known)).toBe('space.hiddenUnits.choice');
    expect(errorTarget('space', known)).toBe('space');
    expect(errorTarget('space.widht', known)).toBe('space');
    expect(errorTarget('names', known)).toBeNull();
    expect(errorTarget('seed', known)).toBeNull();
  });
});
