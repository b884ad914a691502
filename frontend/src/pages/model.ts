// A model's page (#/models/:id): status (refreshed while it trains), source, metrics, the feature schema, a
// predict box (CSV or JSON rows) with the predictions, the ONNX download and delete.
import { api, ApiError, type ModelResource, type PredictResponse } from '../api';
import { clear, h, type PageHandle, statusBadge } from '../dom';
import { formatDuration, formatLoss, formatPercent, formatTime } from '../format';
import { parsePredictInput } from '../predictInput';

export function mountModel(main: HTMLElement, id: number): PageHandle {
  const host = h('section', { className: 'model card', 'aria-label': `Model ${id}` }, h('p', { className: 'muted' }, 'Loading…'));
  main.append(h('p', {}, h('a', { href: '#/models' }, '← Models')), host);
  const ctrl = new AbortController();
  let timer: ReturnType<typeof setTimeout> | null = null;
  let shownStatus = '';
  const load = async () => {
    try {
      const m = await api.model(id, ctrl.signal);
      document.title = `Model ${m.id} · Hypersearch`;
      if (m.status !== shownStatus) {
        shownStatus = m.status;
        render(host, m);
      }
      if (m.status === 'TRAINING') timer = setTimeout(() => void load(), 1000);
    } catch (err) {
      if ((err as Error).name === 'AbortError') return;
      host.replaceChildren(h('p', { className: 'error-text', role: 'alert' },
        err instanceof ApiError && err.status === 404 ? `There is no model ${id}.` : `Could not load model ${id}: ${(err as Error).message}`));
    }
  };
  void load();
  return {
    dispose() {
      ctrl.abort();
      if (timer) clearTimeout(timer);
    },
  };
}

function render(host: HTMLElement, m: ModelResource): void {
  clear(host);
  const ready = m.status === 'READY';
  const del = h('button', { type: 'button', className: 'danger', id: 'delete-model' }, 'Delete model');
  del.addEventListener('click', async () => {
    if (!confirm(`Delete model ${m.id}?`)) return;
    del.disabled = true;
    try {
      await api.deleteModel(m.id);
      location.hash = '#/models';
    } catch (err) {
      del.disabled = false;
      alert(`Could not delete: ${(err as Error).message}`);
    }
  });
  host.append(
    h('div', { className: 'page-head' }, h('h1', {}, `Model #${m.id}`), statusBadge(m.status),
      h('div', { className: 'actions' },
        ready ? h('a', { className: 'button', id: 'download-onnx', href: api.onnxUrl(m.id), download: `model-${m.id}.onnx` }, 'Download ONNX') : '',
        del)),
    h('p', { className: 'meta' }, 'Refit of ', h('a', { href: `#/trials/${m.trialId}` }, `trial #${m.trialNumber}`), ' of ',
      h('a', { href: `#/searches/${m.searchId}` }, `search ${m.searchId}`), ` on every labelled row of ${m.dataset} (${m.task}) · created ${formatTime(m.createdAt)}`),
    m.status === 'TRAINING' ? h('p', { className: 'muted', role: 'status' }, m.startedAt ? 'Refitting on a worker…' : 'Queued for a worker…') : '',
    m.error ? h('div', { className: 'trial-error st-failed', role: 'note' }, h('strong', {}, 'Failed: '), m.error) : '',
  );
  if (m.metrics) {
    const x = m.metrics;
    host.append(h('dl', { className: 'stats model-metrics' }, ...([
      ['Rows', String(x.rows)], ['Epochs', String(x.epochs)], ['Training loss', formatLoss(x.trainingLoss)],
      ...(x.trainingAccuracy != null ? [['Training accuracy', formatPercent(x.trainingAccuracy)]] : []),
      ['Last epoch mean batch loss', formatLoss(x.meanBatchLoss)], ['Refit time', formatDuration(x.durationMs)],
    ] as [string, string][]).map(([k, v]) => h('div', {}, h('dt', {}, k), h('dd', {}, v)))));
  }
  if (m.featureSchema) {
    host.append(h('table', { className: 'data compact schema-table' }, h('caption', {}, 'Feature schema'),
      h('thead', {}, h('tr', {}, h('th', { scope: 'col' }, 'Column'), h('th', { scope: 'col' }, 'Type'), h('th', { scope: 'col' }, 'Preprocessing'))),
      h('tbody', {}, ...m.featureSchema.map((c) => h('tr', {}, h('th', { scope: 'row' }, c.name), h('td', {}, c.type), h('td', {}, c.treatment))))));
  }
  if (m.classes) host.append(h('p', { className: 'classes' }, h('span', { className: 'muted' }, 'Classes (probability order): '), m.classes.join(', ')));
  if (ready) host.append(predictBox(m));
}

function predictBox(m: ModelResource): HTMLElement {
  const columns = (m.featureSchema ?? []).map((c) => c.name);
  const input = h('textarea', { id: 'predict-input', rows: 6, spellcheck: 'false', 'aria-label': 'Rows to predict, CSV or JSON' }) as HTMLTextAreaElement;
  input.value = `${columns.join(',')}\n`;
  const out = h('div', { id: 'predict-output', 'aria-live': 'polite' });
  const run = h('button', { type: 'button', id: 'predict-run' }, 'Predict');
  run.addEventListener('click', async () => {
    const parsed = parsePredictInput(input.value, Object.fromEntries((m.featureSchema ?? []).map((c) => [c.name, c.type])));
    if ('error' in parsed) {
      out.replaceChildren(h('p', { className: 'error-text', role: 'alert' }, parsed.error));
      return;
    }
    run.disabled = true;
    try {
      out.replaceChildren(predictionsTable(m, await api.predict(m.id, parsed.rows)));
    } catch (err) {
      out.replaceChildren(h('p', { className: 'error-text', role: 'alert' }, (err as Error).message));
    } finally {
      run.disabled = false;
    }
  });
  return h('section', { className: 'predict' }, h('h2', {}, 'Predict'),
    h('p', { className: 'muted' }, 'Paste CSV (a header line of column names, then rows; an empty cell is a missing value) or JSON ({"rows": [{"column": value}]}).'),
    input, h('div', { className: 'actions' }, run), out);
}

function predictionsTable(m: ModelResource, r: PredictResponse): HTMLElement {
  const classes = m.classes ?? [];
  const head = m.task === 'classification' ? ['Row (from 0)', 'Label', ...classes.map((c) => `P(${c})`)] : ['Row (from 0)', 'Value'];
  return h('table', { className: 'data compact predictions-table' },
    h('thead', {}, h('tr', {}, ...head.map((c) => h('th', { scope: 'col' }, c)))),
    h('tbody', {}, ...r.predictions.map((p, i) => h('tr', {}, h('td', {}, String(i)),
      ...(m.task === 'classification'
        ? [h('td', { className: 'label' }, p.label ?? ''), ...classes.map((c) => h('td', {}, (p.probabilities?.[c] ?? 0).toFixed(4)))]
        : [h('td', { className: 'value' }, p.value != null ? String(p.value) : '')])))));
}
