// ECharts options built from the server's chart aggregates: pure functions, unit-tested without a canvas.

import type { EChartsOption } from 'echarts';
import type { ChartData, CurvePoint, Importance } from '../api';
import { formatLoss, formatParam, formatPercent } from '../format';
import { prefersLog, stepLine } from '../history';
import type { SearchParameter } from '../searchParameters';

export const PALETTE = ['#2563eb', '#dc2626', '#16a34a', '#9333ea', '#ea580c', '#0891b2', '#be185d', '#4d7c0f', '#7c3aed', '#b45309'];

export interface OptionContext {
  /** Off under test (navigator.webdriver) so screenshots and assertions see final frames. */
  animation: boolean;
}

const GRID = { left: 64, right: 20, top: 36, bottom: 44, containLabel: false } as const;

function valueAxisFor(values: number[], name: string) {
  return {
    type: prefersLog(values) ? ('log' as const) : ('value' as const),
    name,
    nameLocation: 'middle' as const,
    nameGap: 48,
    scale: true,
    axisLabel: { formatter: (v: number) => formatLoss(v) },
  };
}

/** Every sampled trial's val loss by number, with the best-so-far step line over them. */
export function historyOption(data: ChartData, ctx: OptionContext): EChartsOption {
  const points = data.sample.map((s) => [s.number, s.valLoss] as [number, number]);
  const last = data.bestSoFar.length > 0 ? data.bestSoFar[data.bestSoFar.length - 1][0] : null;
  const lastNumber = Math.max(last ?? -1, ...data.sample.map((s) => s.number));
  const line = stepLine(data.bestSoFar, lastNumber >= 0 ? lastNumber : null);
  return {
    animation: ctx.animation,
    grid: GRID,
    tooltip: { trigger: 'item', formatter: (p: unknown) => historyTooltip(p) },
    legend: { top: 0, data: ['trial', 'best so far'] },
    xAxis: { type: 'value', name: 'trial #', nameLocation: 'middle', nameGap: 28, min: 0, minInterval: 1 },
    yAxis: valueAxisFor([...points.map((p) => p[1]), ...line.map((p) => p[1])], 'val loss'),
    series: [
      { name: 'trial', type: 'scatter', data: points, symbolSize: 5, z: 3, itemStyle: { color: '#64748b', opacity: 0.75 }, large: points.length > 1500 },
      { name: 'best so far', type: 'line', step: 'end', data: line, showSymbol: false, lineStyle: { width: 2, color: PALETTE[0] }, itemStyle: { color: PALETTE[0] } },
    ],
  };
}

function historyTooltip(p: unknown): string {
  const o = p as { seriesName: string; value: [number, number] };
  return `${o.seriesName}: trial #${o.value[0]}<br>val loss ${formatLoss(o.value[1])}`;
}

export interface CurveSeries {
  id: number | string;
  number: number;
  /** Legend name; "#number" when absent. */
  label?: string;
  points: CurvePoint[];
  selected: boolean;
}

/** Vertical lines at ASHA's rung epochs, where a trial may be stopped. */
export function rungMarkLine(rungs: number[]) {
  return {
    silent: true,
    symbol: ['none', 'none'],
    lineStyle: { color: '#94a3b8', type: 'dotted' as const, width: 1.5 },
    label: { show: true, position: 'insideEndTop' as const, formatter: (p: unknown) => `rung ${(p as { value: number }).value}`, color: '#64748b', fontSize: 10 },
    data: rungs.map((r) => ({ xAxis: r })),
  };
}

/**
 * Train (dashed) and validation (solid) loss per epoch, one colour per trial; the selected one is thicker.
 * With rungs (ASHA), a dotted vertical line marks each rung epoch.
 */
export function curvesOption(curves: CurveSeries[], ctx: OptionContext, rungs: number[] = []): EChartsOption {
  const series: NonNullable<EChartsOption['series']> = [];
  const values: number[] = [];
  curves.forEach((c, i) => {
    const color = PALETTE[i % PALETTE.length];
    const width = c.selected ? 3 : 1.5;
    const val = c.points.filter((p) => p.valLoss !== null).map((p) => [p.epoch, p.valLoss as number]);
    const train = c.points.filter((p) => p.trainLoss !== null).map((p) => [p.epoch, p.trainLoss as number]);
    val.forEach((p) => values.push(p[1]));
    train.forEach((p) => values.push(p[1]));
    // One legend entry per trial: both series share its name (solid = validation, dashed = training).
    const name = c.label ?? `#${c.number}`;
    series.push({ id: `${c.id}-val`, name, type: 'line', data: val, showSymbol: false, lineStyle: { color, width }, itemStyle: { color } });
    series.push({ id: `${c.id}-train`, name, type: 'line', data: train, showSymbol: false, lineStyle: { color, width, type: 'dashed' }, itemStyle: { color } });
  });
  if (rungs.length > 0) {
    // Their own empty series, so that the lines show whatever the trials (and without a legend entry).
    series.push({ id: 'rungs', name: 'rungs', type: 'line', data: [], markLine: rungMarkLine(rungs) });
  }
  return {
    animation: ctx.animation,
    grid: { ...GRID, top: 48 },
    tooltip: { trigger: 'axis', formatter: (p: unknown) => curvesTooltip(p) },
    legend: { top: 0, type: 'scroll', data: [...new Set(curves.map((c) => c.label ?? `#${c.number}`))] },
    title: { text: 'solid: validation · dashed: training', right: 0, bottom: 0, textStyle: { fontSize: 11, fontWeight: 'normal', color: '#64748b' } },
    xAxis: { type: 'value', name: 'epoch', nameLocation: 'middle', nameGap: 28, minInterval: 1 },
    yAxis: valueAxisFor(values, 'loss'),
    series,
  };
}

function curvesTooltip(p: unknown): string {
  const list = (Array.isArray(p) ? p : [p]) as { seriesId: string; seriesName: string; value: [number, number]; marker: string }[];
  if (list.length === 0) return '';
  const lines = list.map((o) => `${o.marker}${o.seriesName} ${o.seriesId.endsWith('-train') ? 'train' : 'val'} ${formatLoss(o.value[1])}`);
  return [`epoch ${list[0].value[0]}`, ...lines].join('<br>');
}

function axisValue(meta: SearchParameter, v: unknown): string | number | null {
  if (v === undefined || v === null) return null;
  if (meta.axis === 'category') return String(v);
  return typeof v === 'number' ? v : Number(v);
}

/** Parallel coordinates: one axis per varying parameter and a last one for val loss, lines coloured by it. */
export function parallelOption(data: ChartData, metas: SearchParameter[], ctx: OptionContext): EChartsOption {
  const dims = metas.filter((m) => m.varying);
  const losses = data.sample.map((s) => s.valLoss);
  const logLoss = prefersLog(losses);
  const rows = data.sample.map((s) => [...dims.map((m) => axisValue(m, s.params[m.name])), s.valLoss]);
  const lo = losses.length ? Math.min(...losses) : 0;
  const hi = losses.length ? Math.max(...losses) : 1;
  // Keys are set only where they apply: an explicit undefined would replace ECharts' defaults.
  const axes: Record<string, unknown>[] = dims.map((m, i) =>
    m.axis === 'category'
      ? { dim: i, name: m.name, type: 'category', data: categoriesOf(m, data), axisLabel: { interval: 0 } }
      : { dim: i, name: m.name, type: m.axis, scale: m.axis === 'value', axisLabel: { formatter: (v: number) => formatParam(v) } });
  axes.push({ dim: dims.length, name: 'val loss', type: logLoss ? 'log' : 'value', scale: true, axisLabel: { formatter: (v: number) => formatLoss(v) } });
  return {
    animation: ctx.animation,
    parallel: { left: 48, right: 120, top: 48, bottom: 36, parallelAxisDefault: { nameLocation: 'end', nameGap: 14, nameTextStyle: { fontSize: 11 } } },
    parallelAxis: axes as NonNullable<EChartsOption['parallelAxis']>,
    visualMap: {
      type: 'continuous',
      dimension: dims.length,
      min: lo,
      max: hi === lo ? lo + 1 : hi,
      orient: 'vertical',
      right: 8,
      top: 'middle',
      itemHeight: 120,
      calculable: false,
      text: ['worse', 'better'],
      inRange: { color: ['#1d4ed8', '#22c55e', '#facc15', '#dc2626'] },
      formatter: (v: unknown) => formatLoss(v as number),
    },
    series: [{ type: 'parallel', data: rows, lineStyle: { width: 1, opacity: rows.length > 500 ? 0.25 : 0.5 }, smooth: false }],
  };
}

function categoriesOf(m: SearchParameter, data: ChartData): string[] {
  if (m.categories && m.categories.length) return m.categories;
  return [...new Set(data.sample.map((s) => String(s.params[m.name])))];
}

/** One parameter against val loss; log axis for log-scaled ranges (and wide numeric choices). */
export function scatterOption(meta: SearchParameter, data: ChartData, ctx: OptionContext): EChartsOption {
  const pts = data.sample
    .map((s) => [axisValue(meta, s.params[meta.name]), s.valLoss, s.number] as [string | number | null, number, number])
    .filter((p) => p[0] !== null);
  const xAxis =
    meta.axis === 'category'
      ? { type: 'category' as const, data: categoriesOf(meta, data), name: meta.name, nameLocation: 'middle' as const, nameGap: 28, axisLabel: { interval: 0, hideOverlap: true } }
      : { type: meta.axis, name: meta.name, nameLocation: 'middle' as const, nameGap: 28, scale: true, axisLabel: { formatter: (v: number) => formatParam(v) } };
  return {
    animation: ctx.animation,
    grid: { left: 56, right: 12, top: 28, bottom: 40 },
    title: { text: meta.name, left: 'center', top: 0, textStyle: { fontSize: 12, fontWeight: 'normal' } },
    tooltip: { trigger: 'item', formatter: (p: unknown) => scatterTooltip(meta.name, p) },
    xAxis,
    yAxis: { ...valueAxisFor(pts.map((p) => p[1]), 'val loss'), nameGap: 40 },
    series: [{ type: 'scatter', data: pts, symbolSize: 5, itemStyle: { color: PALETTE[0], opacity: 0.6 }, large: pts.length > 1500 }],
  };
}

function scatterTooltip(name: string, p: unknown): string {
  const o = p as { value: [unknown, number, number] };
  return `trial #${o.value[2]}<br>${name} = ${formatParam(o.value[0])}<br>val loss ${formatLoss(o.value[1])}`;
}

/**
 * Which parameters matter: each one's share of importance as a horizontal bar, most important on top, with its
 * bootstrap interval drawn over it as an error bar (a custom series: ECharts has no error bars of its own).
 */
export function importanceOption(data: Importance, ctx: OptionContext): EChartsOption {
  const ps = data.parameters;
  const widest = Math.max(0.05, ...ps.map((p) => p.high));
  return {
    animation: ctx.animation,
    grid: { left: 112, right: 24, top: 8, bottom: 40 },
    tooltip: { trigger: 'item', formatter: (p: unknown) => importanceTooltip(data, p) },
    xAxis: {
      type: 'value', min: 0, max: Math.min(1, Math.ceil(widest * 10) / 10), name: 'share of importance',
      nameLocation: 'middle', nameGap: 26, axisLabel: { formatter: (v: number) => `${Math.round(v * 100)}%` },
    },
    yAxis: { type: 'category', data: ps.map((p) => p.name), inverse: true, axisLabel: { interval: 0 } },
    series: [
      { id: 'share', type: 'bar', data: ps.map((p) => p.importance), barMaxWidth: 22, itemStyle: { color: PALETTE[0] } },
      {
        id: 'interval', type: 'custom', z: 3, encode: { x: [1, 2], y: 0 },
        data: ps.map((p, i) => [i, p.low, p.high]),
        renderItem: errorBar as never,
      },
    ],
  };
}

/** What a custom series' renderItem is given to place its shapes (the part of ECharts' API used here). */
export interface ErrorBarApi {
  value(dim: number): number;
  coord(point: [number, number]): number[];
  size(range: [number, number]): number[];
}

/** One interval: a line from low to high at the parameter's row, with caps a fifth of the row's height. */
export function errorBar(_params: unknown, api: ErrorBarApi) {
  const row = api.value(0);
  const [x1, y] = api.coord([api.value(1), row]);
  const [x2] = api.coord([api.value(2), row]);
  const cap = api.size([0, 1])[1] * 0.2;
  const style = { stroke: '#0f172a', lineWidth: 1.5 };
  const line = (ax: number, ay: number, bx: number, by: number) => ({ type: 'line', shape: { x1: ax, y1: ay, x2: bx, y2: by }, style });
  return { type: 'group', children: [line(x1, y, x2, y), line(x1, y - cap, x1, y + cap), line(x2, y - cap, x2, y + cap)] };
}

function importanceTooltip(data: Importance, p: unknown): string {
  const q = data.parameters[(p as { dataIndex: number }).dataIndex];
  if (!q) return '';
  return `${q.name}: ${formatPercent(q.importance)} of importance<br>95% interval ${formatPercent(q.low)} – ${formatPercent(q.high)}`;
}
