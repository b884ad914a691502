// The charts: best-so-far by trial, the top-k learning curves (with the selected trial's, and the ASHA
// rungs the server names), which parameters matter (shares with intervals), parallel coordinates and one
// scatter per parameter the search varies.
import { ApiError } from '../../api';
import { ANIMATE, ChartHost } from '../../charts/host';
import { curvesOption, historyOption, importanceOption, parallelOption, scatterOption, type CurveSeries } from '../../charts/options';
import { h } from '../../dom';
import { formatCount, formatLoss, formatPercent } from '../../format';
import { REGION_CHOICES, TOP_CHOICES, withChoice } from '../../importanceSettings';
import { varyingParameters } from '../../searchParameters';
import { TOP_K_CHOICES, type SearchPageState } from './state';

export class SearchCharts {
  private readonly note = h('p', { className: 'muted chart-note' });
  private readonly topKSelect = h('select', { id: 'topk', 'aria-label': 'Number of best trials whose curves are drawn' });
  private readonly scatterGrid = h('div', { className: 'scatter-grid' });
  private readonly importanceNote = h('p', { className: 'muted importance-note', id: 'importance-note' });
  private readonly importanceTop = h('select', { id: 'importance-top', 'aria-label': 'Trials counted as the best' });
  private readonly importanceWithin = h('select', { id: 'importance-within', 'aria-label': 'Compared with' });
  private readonly grid: HTMLElement;
  private readonly hosts = new Map<string, ChartHost>();
  readonly el: HTMLElement;

  constructor(private readonly state: SearchPageState, onTopK: () => void, onImportanceSettings: () => void) {
    for (const k of TOP_K_CHOICES) this.topKSelect.append(h('option', { value: k, selected: k === state.topK }, `top ${k}`));
    this.topKSelect.addEventListener('change', () => {
      state.topK = Number(this.topKSelect.value);
      this.renderCurves();
      onTopK();
    });
    for (const c of TOP_CHOICES) this.importanceTop.append(h('option', { value: String(c.value) }, c.label));
    for (const c of REGION_CHOICES) this.importanceWithin.append(h('option', { value: String(c.value) }, c.label));
    this.showImportanceSettings();
    const changed = (change: { top?: number; within?: number }) => {
      state.importanceSettings = withChoice(state.importanceSettings, change);
      this.showImportanceSettings();
      onImportanceSettings();
    };
    this.importanceTop.addEventListener('change', () => changed({ top: Number(this.importanceTop.value) }));
    this.importanceWithin.addEventListener('change', () => changed({ within: Number(this.importanceWithin.value) }));
    const importanceControls = h('span', { className: 'inline importance-settings' },
      h('label', { className: 'inline' }, 'The ', this.importanceTop), ' ',
      h('label', { className: 'inline' }, 'against ', this.importanceWithin));
    this.grid = h('div', { className: 'chart-grid', hidden: true },
      this.card('history', 'Best-so-far val loss by trial'),
      this.card('curves', 'Learning curves', h('label', { className: 'inline' }, h('span', { className: 'sr-only' }, 'Curves of'), this.topKSelect)),
      this.card('importance', 'Which parameters matter (share of importance, 95% interval)', importanceControls, true, this.importanceNote),
      this.card('parallel', 'Parallel coordinates (colour: val loss)', undefined, true),
      h('figure', { className: 'card chart-card wide' }, h('figcaption', {}, h('h3', {}, 'Parameters vs val loss')), this.scatterGrid));
    this.el = h('section', { className: 'charts', 'aria-labelledby': 'charts-h' },
      h('div', { className: 'section-head' }, h('h2', { id: 'charts-h' }, 'Charts'), this.note), this.grid);
  }

  private showImportanceSettings(): void {
    this.importanceTop.value = String(this.state.importanceSettings.top);
    this.importanceWithin.value = String(this.state.importanceSettings.within);
  }

  private card(key: string, title: string, extra?: HTMLElement, wide = false, note?: HTMLElement): HTMLElement {
    const el = h('div', { className: `chart chart-${key}`, id: `chart-${key}`, role: 'img', 'aria-label': title });
    this.hosts.set(key, new ChartHost(el));
    return h('figure', { className: `card chart-card${wide ? ' wide' : ''}` }, h('figcaption', {}, h('h3', {}, title), extra ?? null), note ?? null, el);
  }

  private host(key: string): ChartHost {
    let c = this.hosts.get(key);
    if (!c) {
      c = new ChartHost(this.scatterGrid.appendChild(h('div', { className: 'chart small', id: `chart-${key}`, role: 'img', 'aria-label': key })));
      this.hosts.set(key, c);
    }
    return c;
  }

  render(): void {
    const c = this.state.charts;
    if (!c) return;
    const ctx = { animation: ANIMATE };
    this.note.textContent = c.finished === 0
      ? 'Charts fill in as trials finish.'
      : c.sampled
        ? `Showing a sample of ${formatCount(c.sample.length)} of ${formatCount(c.finished)} finished trials (the best always included).`
        : `${formatCount(c.finished)} finished trial${c.finished === 1 ? '' : 's'}.`;
    this.grid.hidden = c.finished === 0;
    if (this.grid.hidden) return;
    const best = c.bestSoFar.length ? c.bestSoFar[c.bestSoFar.length - 1][1] : null;
    void this.host('history').set(historyOption(c, ctx), `Best-so-far val loss by trial: ${c.bestSoFar.length} improvements, best ${formatLoss(best)}`);
    this.renderCurves();
    this.renderImportance();
    const params = this.state.detail?.parameters ?? [];
    const varying = varyingParameters(this.state.detail);
    void this.host('parallel').set(parallelOption(c, params, ctx), `Parallel coordinates of ${varying.map((m) => m.name).join(', ')} and val loss over ${c.sample.length} trials`);
    if (varying.length === 0) this.scatterGrid.textContent = 'Every parameter is fixed in this search.';
    for (const m of varying) {
      void this.host(`scatter-${m.name}`).set(scatterOption(m, c, ctx), `${m.name} against val loss${m.axis === 'log' ? ' (log axis)' : ''}`);
    }
    performance.mark('hs:charts');
  }

  /** The top-k curves, plus the selected trial's when it is not among them. */
  renderCurves(): void {
    if (this.grid.hidden) return;
    const s = this.state;
    const list: CurveSeries[] = (s.charts?.curves ?? []).slice(0, s.topK)
      .map((c) => ({ id: c.id, number: c.number, points: c.points, selected: c.id === s.board.trial }));
    const sel = s.trial;
    if (sel && sel.id === s.board.trial && !list.some((c) => c.id === sel.id)) {
      list.push({ id: sel.id, number: sel.number, points: sel.curve, selected: true });
    }
    const rungs = s.detail?.rungEpochs ?? [];
    const curves = this.host('curves');
    curves.el.dataset.rungs = rungs.join(',');
    void curves.set(curvesOption(list, { animation: ANIMATE }, rungs),
      `Learning curves of trials ${list.map((c) => `#${c.number}`).join(', ') || '(none yet)'}${rungs.length ? `; dotted lines at the ASHA rungs (epochs ${rungs.join(', ')})` : ''}`);
  }

  /** The importance bars, or why there are none yet; drawn once the charts' grid is shown. */
  renderImportance(): void {
    const imp = this.state.importance;
    if (this.grid.hidden || !imp) return;
    const host = this.hosts.get('importance')!;
    const n = imp.parameters.length;
    host.el.hidden = n === 0;
    if (n === 0) {
      this.importanceNote.textContent = imp.reason ?? 'No importance yet.';
      return;
    }
    this.importanceNote.textContent = `The best ${formatPercent(imp.top)} (${formatCount(imp.topTrials)}) of ${formatCount(imp.finishedTrials)}`
      + ` finished trials against ${imp.within < 1 ? `the best ${formatPercent(imp.within)}` : 'all'} (PED-ANOVA; intervals from ${imp.resamples} bootstrap resamples).`;
    host.el.style.height = `${Math.max(160, 56 + 30 * n)}px`;
    host.el.dataset.bars = String(n);
    void host.set(importanceOption(imp, { animation: ANIMATE }),
      `Share of importance: ${imp.parameters.map((p) => `${p.name} ${formatPercent(p.importance)}`).join(', ')}`);
  }

  importanceFailed(err: unknown): void {
    this.importanceNote.textContent = `Importance failed: ${(err as Error).message}`;
  }

  failed(err: unknown): void {
    this.note.textContent = err instanceof ApiError && err.status === 404 ? 'Charts are not available from this server.' : `Charts failed: ${(err as Error).message}`;
  }

  dispose(): void {
    this.hosts.forEach((c) => c.dispose());
  }
}
