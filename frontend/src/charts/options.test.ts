import { describe, expect, test } from 'vitest';
import type { ChartData, Importance } from '../api';
import type { SearchParameter } from '../searchParameters';
import { curvesOption, errorBar, historyOption, importanceOption, parallelOption, scatterOption } from './options';

const data: ChartData = {
  finished: 4,
  bestSoFar: [[0, 1.0], [2, 0.05]],
  sample: [
    { id: 10, number: 0, valLoss: 1.0, valAccuracy: 0.5, params: { learningRate: 0.001, activation: 'relu', hiddenUnits: 16 } },
    { id: 11, number: 1, valLoss: 2.0, valAccuracy: 0.4, params: { learningRate: 0.01, activation: 'tanh', hiddenUnits: 32 } },
    { id: 12, number: 2, valLoss: 0.05, valAccuracy: 0.9, params: { learningRate: 0.1, activation: 'relu', hiddenUnits: 64 } },
    { id: 13, number: 5, valLoss: 0.5, valAccuracy: 0.7, params: { learningRate: 0.05, activation: 'tanh', hiddenUnits: 16 } },
  ],
  sampled: false,
  curves: [],
};
// As the server describes a space of a log-scaled learningRate range, two activations and three hidden sizes.
const metas: SearchParameter[] = [
  { name: 'learningRate', varying: true, axis: 'log', categories: null, fixed: null, notApplicable: null },
  { name: 'epochs', varying: false, axis: 'value', categories: null, fixed: 20, notApplicable: null },
  { name: 'hiddenUnits', varying: true, axis: 'value', categories: null, fixed: null, notApplicable: null },
  { name: 'activation', varying: true, axis: 'category', categories: ['relu', 'tanh'], fixed: null, notApplicable: null },
  { name: 'batchNorm', varying: false, axis: 'category', categories: null, fixed: false, notApplicable: null },
];
const ctx = { animation: false };

describe('chart options', () => {
  test('history: step line to the newest trial, log y over a wide range, no animation under test', () => {
    const o = historyOption(data, ctx) as Record<string, any>;
    expect(o.animation).toBe(false);
    expect(o.series[1].data).toEqual([[0, 1], [2, 0.05], [5, 0.05]]);
    expect(o.series[0].data).toHaveLength(4);
    expect(o.yAxis.type).toBe('log');
  });

  test('parallel: one axis per varying parameter plus val loss, coloured by loss', () => {
    const o = parallelOption(data, metas, ctx) as Record<string, any>;
    expect(o.parallelAxis.map((a: any) => [a.name, a.type])).toEqual([
      ['learningRate', 'log'], ['hiddenUnits', 'value'], ['activation', 'category'], ['val loss', 'log'],
    ]);
    expect(o.parallelAxis[2].data).toEqual(['relu', 'tanh']);
    expect(o.series[0].data[0]).toEqual([0.001, 16, 'relu', 1.0]);
    expect(o.visualMap).toMatchObject({ dimension: 3, min: 0.05, max: 2 });
  });

  test('scatter: log x axis for a log-scaled range, category axis for a choice', () => {
    const lr = scatterOption(metas.find((m) => m.name === 'learningRate')!, data, ctx) as Record<string, any>;
    expect(lr.xAxis.type).toBe('log');
    expect(lr.series[0].data[2]).toEqual([0.1, 0.05, 2]);
    const act = scatterOption(metas.find((m) => m.name === 'activation')!, data, ctx) as Record<string, any>;
    expect(act.xAxis).toMatchObject({ type: 'category', data: ['relu', 'tanh'] });
  });

  test('curves: a solid val and a dashed train series per trial', () => {
    const o = curvesOption([{ id: 1, number: 7, selected: true, points: [
      { epoch: 1, trainLoss: 1, valLoss: 1.1, valAccuracy: 0.5, elapsedMs: 5 },
      { epoch: 2, trainLoss: 0.5, valLoss: null, valAccuracy: null, elapsedMs: 9 },
    ] }], ctx) as Record<string, any>;
    expect(o.series.map((s: any) => [s.id, s.name])).toEqual([['1-val', '#7'], ['1-train', '#7']]);
    expect(o.series[0].data).toEqual([[1, 1.1]]);
    expect(o.series[1].lineStyle.type).toBe('dashed');
    expect(o.series[0].lineStyle.width).toBe(3);
  });
});

describe('rung lines', () => {
  test('curves with ASHA rungs: one dotted vertical markLine per rung epoch, outside the legend', () => {
    const o = curvesOption([{ id: 1, number: 7, selected: true, points: [
      { epoch: 1, trainLoss: 1, valLoss: 1.1, valAccuracy: 0.5, elapsedMs: 5 },
    ] }], ctx, [1, 3]) as Record<string, any>;
    const rungs = o.series.find((s: any) => s.id === 'rungs');
    expect(rungs.markLine.data).toEqual([{ xAxis: 1 }, { xAxis: 3 }]);
    expect(rungs.markLine.lineStyle.type).toBe('dotted');
    expect(rungs.markLine.label.formatter({ value: 3 })).toBe('rung 3');
    expect(o.legend.data).toEqual(['#7']);
  });

  test('no rungs, no markLine; labelled series (folds) use their label', () => {
    const o = curvesOption([{ id: 'f1', number: 7, label: 'fold 1', selected: false, points: [] }], ctx) as Record<string, any>;
    expect(o.series.some((s: any) => s.markLine)).toBe(false);
    expect(o.series.map((s: any) => s.name)).toEqual(['fold 1', 'fold 1']);
  });
});

describe('importance', () => {
  const importance: Importance = {
    finishedTrials: 40, topTrials: 4, top: 0.1, within: 1, resamples: 100, reason: null,
    parameters: [
      { name: 'learningRate', importance: 0.62, low: 0.41, high: 0.8 },
      { name: 'activation', importance: 0.3, low: 0.12, high: 0.45 },
      { name: 'l2', importance: 0.08, low: 0.01, high: 0.2 },
    ],
  };

  test('horizontal bars, most important on top, each with its interval; the axis fits the widest interval', () => {
    const o = importanceOption(importance, ctx) as Record<string, any>;
    expect(o.yAxis).toMatchObject({ type: 'category', data: ['learningRate', 'activation', 'l2'], inverse: true });
    expect(o.xAxis).toMatchObject({ type: 'value', min: 0, max: 0.8 });
    expect(o.series[0]).toMatchObject({ type: 'bar', data: [0.62, 0.3, 0.08] });
    expect(o.series[1]).toMatchObject({ type: 'custom', data: [[0, 0.41, 0.8], [1, 0.12, 0.45], [2, 0.01, 0.2]] });
    expect(o.tooltip.formatter({ dataIndex: 1 })).toBe('activation: 30.0% of importance<br>95% interval 12.0% – 45.0%');
    expect(o.animation).toBe(false);
  });

  test('an error bar is a line from low to high at its row with a cap at each end', () => {
    // x pixels = 100 * value, the row at 10 * index + 5, rows 10 px high.
    const api = { value: (d: number) => [2, 0.01, 0.2][d], coord: ([x, y]: [number, number]) => [100 * x, 10 * y + 5], size: () => [0, 10] };
    const g = errorBar(undefined, api);
    expect(g.children.map((c) => c.shape)).toEqual([
      { x1: 1, y1: 25, x2: 20, y2: 25 },
      { x1: 1, y1: 23, x2: 1, y2: 27 },
      { x1: 20, y1: 23, x2: 20, y2: 27 },
    ]);
  });
});
