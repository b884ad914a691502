import { describe, expect, test } from 'vitest';
import { boundsText, labelOf, settingsKey } from './catalogue';
import { CATALOGUE } from './catalogue.fixture';
import { mayApply, parameterRows, prunerSections, strategySections } from './formModel';
import { formatTrialParam } from './format';
import { defaultForm, formToSpec } from './spec';

describe('the form built from the catalogue', () => {
  test('one editor row per catalogue parameter, in its order; ranges only for numeric ones', () => {
    const rows = parameterRows(CATALOGUE.parameters);
    expect(rows.map((r) => r.parameter.name)).toEqual(CATALOGUE.parameters.map((p) => p.name));
    const by = Object.fromEntries(rows.map((r) => [r.parameter.name, r]));
    expect(by.learningRate).toMatchObject({ label: 'Learning rate', hint: 'Step size of the optimizer · (0, 10]', modes: ['default', 'fixed', 'choice', 'range'] });
    expect(by.epochs.hint).toBe('Passes over the training set (early stopping may end sooner) · [1, 10000]');
    expect(by.activation.modes).toEqual(['default', 'fixed', 'choice']);
    expect(by.batchNorm.modes).toEqual(['default', 'fixed', 'choice']);
    expect(by.momentum.hint).toBe('Momentum of the momentum optimizer · [0, 1) · applies when optimizer is momentum');
  });

  test('a parameter the server adds gets an editor without a change here', () => {
    const dropout = { ...CATALOGUE.parameters[0], name: 'dropout', description: 'Dropout rate', min: 0, max: 1, minInclusive: true, maxInclusive: false, default: 0 };
    const catalogue = { ...CATALOGUE, parameters: [...CATALOGUE.parameters, dropout] };
    expect(parameterRows(catalogue.parameters).at(-1)).toMatchObject({ label: 'Dropout', hint: 'Dropout rate · [0, 1)' });
    const f = defaultForm(catalogue);
    f.params.dropout = { ...f.params.dropout, mode: 'range', min: '0', max: '0.5' };
    expect((formToSpec(f, catalogue).space as Record<string, unknown>).dropout).toEqual({ floatRange: { min: 0, max: 0.5 } });
  });

  test('settings sections for the strategies and pruners that have settings', () => {
    const strategies = strategySections(CATALOGUE);
    expect(strategies.map((s) => [s.choice.name, s.path, s.legend])).toEqual([['coarse-to-fine', 'coarseToFine', 'Coarse-to-fine settings'], ['tpe', 'tpe', 'Tpe settings']]);
    expect(strategies[0].fields.map((f) => [f.id, f.path, f.inputmode, f.placeholder])).toEqual([
      ['f-stages', 'coarseToFine.stages', 'numeric', '3'],
      ['f-trialsPerStage', 'coarseToFine.trialsPerStage', 'numeric', ''],
      ['f-topFraction', 'coarseToFine.topFraction', 'decimal', '0.25'],
    ]);
    expect(strategies[1].fields.map((f) => [f.id, f.path, f.inputmode, f.placeholder])).toEqual([
      ['f-startupTrials', 'tpe.startupTrials', 'numeric', '10'],
      ['f-candidates', 'tpe.candidates', 'numeric', '24'],
      ['f-gamma', 'tpe.gamma', 'decimal', '0.25'],
    ]);
    const pruners = prunerSections(CATALOGUE);
    expect(pruners.map((s) => s.path)).toEqual(['pruner.median', 'pruner.asha']);
    expect(pruners[0].fields.map((f) => f.id)).toEqual(['f-median-warmupEpochs', 'f-median-startupTrials']);
    expect(pruners[1].fields.map((f) => [f.path, f.label, f.hint])).toEqual([
      ['pruner.asha.minEpochs', 'Min epochs', 'epochs at the first rung · [1, 10000] · default 1'],
      ['pruner.asha.eta', 'Eta', 'reduction factor between rungs · [2, 10000] · default 3'],
    ]);
  });
});

describe('per-layer widths and conditional parameters', () => {
  const params = CATALOGUE.parameters;
  const byName = (n: string) => params.find((p) => p.name === n)!;
  const applies = (form: ReturnType<typeof defaultForm>, n: string) => mayApply(byName(n), form.params, params);

  test('layer widths are rows of their own, each knowing its layer and when it applies', () => {
    const rows = parameterRows(params);
    const layers = rows.filter((r) => r.layer !== null);
    expect(layers.map((r) => [r.parameter.name, r.layer])).toEqual([['units1', 1], ['units2', 2], ['units3', 3]]);
    expect(layers[1].hint).toBe('Units in hidden layer 2 · [1, 4096] · applies when hiddenLayers >= 2');
    expect(rows.find((r) => r.parameter.name === 'beta1')!.condition).toBe('optimizer is adam');
    expect(rows.find((r) => r.parameter.name === 'learningRate')!).toMatchObject({ condition: '', layer: null });
  });

  test('under the defaults (adam, relu, one layer) only what adam and layer 1 use may apply', () => {
    const f = defaultForm(CATALOGUE);
    expect(['beta1', 'beta2', 'units1'].filter((n) => applies(f, n))).toEqual(['beta1', 'beta2', 'units1']);
    expect(['momentum', 'leakySlope', 'eluAlpha', 'units2', 'units3'].filter((n) => applies(f, n))).toEqual([]);
    expect(applies(f, 'learningRate')).toBe(true);
  });

  test('a choice or a range of the deciding parameter makes its dependents applicable', () => {
    const f = defaultForm(CATALOGUE);
    f.params.optimizer = { ...f.params.optimizer, mode: 'choice', choiceSet: ['sgd', 'momentum'] };
    expect([applies(f, 'momentum'), applies(f, 'beta1')]).toEqual([true, false]);
    f.params.hiddenLayers = { ...f.params.hiddenLayers, mode: 'choice', choiceText: '1, 2' };
    expect([applies(f, 'units2'), applies(f, 'units3')]).toEqual([true, false]);
    f.params.hiddenLayers = { ...f.params.hiddenLayers, mode: 'range', min: '1', max: '3' };
    expect(applies(f, 'units3')).toBe(true);
    f.params.hiddenLayers = { ...f.params.hiddenLayers, mode: 'range', min: '1', max: '' };
    expect(applies(f, 'units3'), 'nothing typed yet: not greyed out').toBe(true);
    f.params.hiddenLayers = { ...f.params.hiddenLayers, mode: 'fixed', fixed: '0' };
    expect(applies(f, 'units1')).toBe(false);
  });

  test('a layer width goes into the spec like any parameter; left to its default it is not sent', () => {
    const f = defaultForm(CATALOGUE);
    expect(f.params.units2.fixed).toBe('');
    f.params.hiddenLayers = { ...f.params.hiddenLayers, mode: 'fixed', fixed: '2' };
    f.params.units2 = { ...f.params.units2, mode: 'choice', choiceText: '32, 64' };
    const space = formToSpec(f, CATALOGUE).space as Record<string, unknown>;
    expect(space.units2).toEqual({ choice: [32, 64] });
    expect(space).not.toHaveProperty('units1');
  });

  test('a parameter a trial did not use reads n/a', () => {
    expect([formatTrialParam(null), formatTrialParam(undefined), formatTrialParam(0.9), formatTrialParam(64)])
      .toEqual(['n/a', 'n/a', '0.9', '64']);
  });
});

describe('catalogue helpers', () => {
  test('labels, bounds and settings keys', () => {
    expect(labelOf('hiddenUnits')).toBe('Hidden units');
    expect(labelOf('l2')).toBe('L2');
    expect(boundsText({ min: 0, max: 10, minInclusive: false, maxInclusive: true })).toBe('(0, 10]');
    expect(boundsText({ min: null, max: null, minInclusive: null, maxInclusive: null })).toBe('');
    expect(settingsKey('coarse-to-fine')).toBe('coarseToFine');
  });
});
