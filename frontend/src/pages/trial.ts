// A trial's detail: parameters, metrics, learning curve, status and error, worker and attempts.
import { api, ApiError, paramValue, type TrialDetail } from '../api';
import { ANIMATE, ChartHost } from '../charts/host';
import { curvesOption } from '../charts/options';
import { clear, h, type PageHandle, statusBadge } from '../dom';
import { formatDuration, formatLoss, formatPercent, formatTime, formatTrialParam } from '../format';
import { cvAccuracyText, cvLossText } from '../crossValidation';
import { pruningText } from '../pruning';
import { suggestionText } from '../suggestion';

/** Renders a trial into host; refresh() reloads it (while it runs). */
export class TrialPanel {
  private chart: ChartHost | null = null;
  private foldChart: ChartHost | null = null;
  private ctrl: AbortController | null = null;
  private disposed = false;
  detail: TrialDetail | null = null;

  constructor(
    readonly host: HTMLElement,
    readonly trialId: number,
    private readonly opts: {
      closeHref?: string;
      headingLevel?: 'h1' | 'h2';
      /** Parameter names in display order (the search's canonical order); others follow as the trial lists them. */
      order?: string[];
      onLoad?: (t: TrialDetail) => void;
    } = {},
  ) {}

  async refresh(): Promise<void> {
    this.ctrl?.abort();
    this.ctrl = new AbortController();
    try {
      const t = await api.trial(this.trialId, this.ctrl.signal);
      if (this.disposed) return;
      this.detail = t;
      this.render(t);
      this.opts.onLoad?.(t);
    } catch (err) {
      if (this.disposed || (err as Error).name === 'AbortError') return;
      clear(this.host);
      this.host.append(h('p', { className: 'error-text', role: 'alert' },
        err instanceof ApiError && err.status === 404 ? `Trial ${this.trialId} not found.` : `Could not load trial ${this.trialId}: ${(err as Error).message}`));
    }
  }

  private render(t: TrialDetail): void {
    const given = t.params ?? {}; // null: a TPE trial whose parameters are decided when a worker claims it
    const known = (this.opts.order ?? []).filter((n) => n in given);
    // Parameters the space did not hold and the trial did not use (null) are left out; the space's are n/a.
    const names = [...known, ...Object.keys(given).filter((n) => !known.includes(n) && paramValue(t.params, n) !== null)];
    const Heading = this.opts.headingLevel ?? 'h2';
    const chartEl = this.host.querySelector<HTMLElement>('.trial-curve') ?? h('div', { className: 'chart trial-curve', role: 'img', 'aria-label': 'Learning curve' });
    const foldEl = this.host.querySelector<HTMLElement>('.fold-curves') ?? h('div', { className: 'chart fold-curves', role: 'img', 'aria-label': 'Per-fold learning curves' });
    const folds = t.foldCurves ?? [];
    const rungs = t.rungEpochs ?? [];
    clear(this.host);
    const head = h('div', { className: 'trial-head' },
      h(Heading, { id: `trial-h-${t.id}` }, `Trial #${t.number}`), statusBadge(t.status),
      t.status === 'COMPLETED' ? createModelButton(() => api.modelOfTrial(t.id)) : null,
      this.opts.closeHref ? h('a', { className: 'button small', href: this.opts.closeHref, 'aria-label': 'Close trial detail' }, 'Close') : null);
    const error = t.pruning
      ? h('div', { className: 'trial-error st-pruned', role: 'note' }, h('strong', {}, 'Pruned: '),
        h('span', { className: 'pruned-at' }, pruningText(t.pruning)), t.pruning.reason ? h('span', { className: 'reason' }, ` — ${t.pruning.reason}`) : '')
      : t.error
      ? h('div', { className: `trial-error st-${t.status.toLowerCase()}`, role: 'note' }, h('strong', {}, t.status === 'DIVERGED' ? 'Diverged: ' : 'Error: '), t.error)
      : null;
    const metrics = h('dl', { className: 'stats trial-metrics' },
      ...([
        ...(t.crossValidation
          ? [[`Val loss (${t.crossValidation.folds}-fold mean ± std)`, cvLossText(t.crossValidation)],
            ['Val accuracy (mean ± std)', cvAccuracyText(t.crossValidation)]]
          : [['Val loss', formatLoss(t.valLoss)]]),
        ...(t.stage ? [['Stage', String(t.stage)]] : []),
        ...(t.suggestion ? [['Suggested by TPE from', suggestionText(t.suggestion)]] : []),
        ['Best val loss', t.bestValLoss !== null ? `${formatLoss(t.bestValLoss)}${t.bestEpoch !== null ? ` (epoch ${t.bestEpoch})` : ''}` : '—'],
        ...(t.crossValidation ? [] : [['Val accuracy', formatPercent(t.valAccuracy)]]),
        ...(t.valF1 != null ? [['Val macro-F1', t.valF1.toFixed(3)]] : []),
        ...(t.valR2 != null ? [['Val R²', t.valR2.toFixed(3)]] : []),
        ...(t.valRmse != null ? [['Val RMSE (target units)', formatLoss(t.valRmse)]] : []),
        ...(t.valMae != null ? [['Val MAE (target units)', formatLoss(t.valMae)]] : []),
        ['Train loss', formatLoss(t.trainLoss)],
        ['Epochs run', t.epochsRun === null ? '—' : String(t.epochsRun)],
        ['Duration', formatDuration(t.durationMs)],
        ['Worker', t.workerId ?? '—'],
        ['Attempts', String(t.attempt)],
        ['Queued', formatTime(t.queuedAt)],
        ['Started', formatTime(t.startedAt)],
        ['Finished', formatTime(t.finishedAt)],
      ] as [string, string][]).map(([k, v]) => h('div', {}, h('dt', {}, k), h('dd', {}, v))));
    const params = h('table', { className: 'data compact params-table' },
      h('caption', {}, 'Parameters'),
      h('thead', {}, h('tr', {}, h('th', { scope: 'col' }, 'Parameter'), h('th', { scope: 'col' }, 'Value'))),
      h('tbody', {}, ...names.map((n) => h('tr', {}, h('th', { scope: 'row' }, n), h('td', {}, formatTrialParam(paramValue(t.params, n)))))),
      t.params === null ? h('tfoot', {}, h('tr', {}, h('td', { colSpan: 2, className: 'muted' }, 'Decided by TPE when a worker claims this trial'))) : '');
    // The search's preprocessing (the same for all its trials): what each original column became.
    const pre = (t.preprocessing ?? [])[0];
    const inputs = pre ? h('table', { className: 'data compact preprocessing-table' },
      h('caption', {}, `Inputs after preprocessing: ${pre.width}${(t.preprocessing ?? []).length > 1 ? ' (fold 1; each fold is fitted on its own training rows)' : ''}`),
      h('thead', {}, h('tr', {}, h('th', { scope: 'col' }, 'Column'), h('th', { scope: 'col' }, 'Becomes'))),
      h('tbody', {}, ...pre.columns.map((c) => h('tr', {}, h('th', { scope: 'row' }, `${c.column} (${c.step})`),
        h('td', {}, c.inputs.join(', ')))))) : '';
    this.host.append(head, error ?? '', h('div', { className: 'trial-body' },
      h('div', { className: 'trial-left' }, metrics, params, inputs),
      h('div', { className: 'trial-right' }, h('h3', {}, 'Learning curve'), chartEl,
        t.curve.length === 0 ? h('p', { className: 'muted' }, 'No epochs recorded yet.') : '',
        folds.length ? h('h3', {}, `Per-fold curves (${folds.length} folds)`) : '', folds.length ? foldEl : '')));
    const rungNote = rungs.length ? `; dotted lines at the ASHA rungs (epochs ${rungs.join(', ')})` : '';
    chartEl.dataset.rungs = rungs.join(',');
    this.chart ??= new ChartHost(chartEl);
    const last = t.curve[t.curve.length - 1];
    void this.chart.set(curvesOption([{ id: t.id, number: t.number, points: t.curve, selected: true,
      label: t.crossValidation ? 'fold mean' : undefined }], { animation: ANIMATE }, rungs),
      `Learning curve of trial #${t.number}: ${t.curve.length} epochs${last ? `, last val loss ${formatLoss(last.valLoss)}` : ''}${rungNote}`);
    if (folds.length) {
      foldEl.dataset.rungs = rungs.join(',');
      this.foldChart ??= new ChartHost(foldEl);
      void this.foldChart.set(curvesOption(folds.map((f) => ({ id: `fold${f.fold}`, number: t.number, label: `fold ${f.fold + 1}`, points: f.curve, selected: false })),
        { animation: ANIMATE }, rungs), `Learning curves of trial #${t.number}'s ${folds.length} folds${rungNote}`);
    }
  }

  dispose(): void {
    this.disposed = true;
    this.ctrl?.abort();
    this.chart?.dispose();
    this.foldChart?.dispose();
  }
}

/** "Create model": asks for the refit (or finds the existing model) and opens the model's page. */
export function createModelButton(create: () => Promise<{ id: number }>): HTMLButtonElement {
  const btn = h('button', { type: 'button', className: 'small create-model' }, 'Create model');
  btn.addEventListener('click', async () => {
    btn.disabled = true;
    try {
      location.hash = `#/models/${(await create()).id}`;
    } catch (err) {
      btn.disabled = false;
      alert(`Could not create the model: ${(err as Error).message}`);
    }
  });
  return btn;
}

/** The standalone trial page (#/trials/:id). */
export function mountTrial(main: HTMLElement, id: number): PageHandle {
  const back = h('p', {}, h('a', { href: '#/' }, '← Searches'));
  const host = h('section', { className: 'trial-detail card', 'aria-label': `Trial ${id}` });
  main.append(back, host);
  let timer: ReturnType<typeof setTimeout> | null = null;
  const panel = new TrialPanel(host, id, {
    headingLevel: 'h1',
    onLoad: (t) => {
      clear(back);
      back.append(h('a', { href: `#/searches/${t.searchId}?trial=${t.id}` }, `← Search ${t.searchId}`));
      if (t.status === 'RUNNING' || t.status === 'QUEUED') timer = setTimeout(() => void panel.refresh(), 1000);
    },
  });
  void panel.refresh();
  return {
    dispose() {
      if (timer) clearTimeout(timer);
      panel.dispose();
    },
  };
}
