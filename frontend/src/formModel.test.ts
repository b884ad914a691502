import { describe, expect, test } from 'vitest';
import { boundsText, labelOf, settingsKey } from './catalogue';
import { CATALOGUE } from './catalogue.fixture';
import { parameterRows, prunerSections, strategySections } from './formModel';
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
    expect(strategies.map((s) => [s.choice.name, s.path, s.legend])).toEqual([['coarse-to-fine', 'coarseToFine', 'Coarse-to-fine settings']]);
    expect(strategies[0].fields.map((f) => [f.id, f.path, f.inputmode, f.placeholder])).toEqual([
      ['f-stages', 'coarseToFine.stages', 'numeric', '3'],
      ['f-trialsPerStage', 'coarseToFine.trialsPerStage', 'numeric', ''],
      ['f-topFraction', 'coarseToFine.topFraction', 'decimal', '0.25'],
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

describe('catalogue helpers', () => {
  test('labels, bounds and settings keys', () => {
    expect(labelOf('hiddenUnits')).toBe('Hidden units');
    expect(labelOf('l2')).toBe('L2');
    expect(boundsText({ min: 0, max: 10, minInclusive: false, maxInclusive: true })).toBe('(0, 10]');
    expect(boundsText({ min: null, max: null, minInclusive: null, maxInclusive: null })).toBe('');
    expect(settingsKey('coarse-to-fine')).toBe('coarseToFine');
  });
});
