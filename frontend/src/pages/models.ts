// The models list (#/models): every refitted model, newest first, with its source and status.
import { api, type ModelResource } from '../api';
import { h, type PageHandle, statusBadge } from '../dom';
import { formatLoss, formatPercent, formatTime } from '../format';

export function mountModels(main: HTMLElement): PageHandle {
  const body = h('div', {}, h('p', { className: 'muted' }, 'Loading…'));
  main.append(h('div', { className: 'page-head' }, h('h1', {}, 'Models')), body);
  const ctrl = new AbortController();
  let timer: ReturnType<typeof setTimeout> | null = null;
  const load = async () => {
    try {
      const models = await api.models(ctrl.signal);
      body.replaceChildren(models.length === 0
        ? h('p', { className: 'muted' }, 'No models yet: open a search or a completed trial and choose "Create model".')
        : table(models));
      if (models.some((m) => m.status === 'TRAINING')) timer = setTimeout(() => void load(), 1000);
    } catch (err) {
      if ((err as Error).name === 'AbortError') return;
      body.replaceChildren(h('p', { className: 'error-text', role: 'alert' }, `Could not load models: ${(err as Error).message}`));
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

function table(models: ModelResource[]): HTMLElement {
  return h('table', { className: 'data models-table' },
    h('thead', {}, h('tr', {}, ...['Model', 'Status', 'Source', 'Dataset', 'Task', 'Training loss', 'Training accuracy', 'Created']
      .map((c) => h('th', { scope: 'col' }, c)))),
    h('tbody', {}, ...models.map((m) => h('tr', {},
      h('td', {}, h('a', { href: `#/models/${m.id}` }, `#${m.id}`)),
      h('td', {}, statusBadge(m.status)),
      h('td', {}, h('a', { href: `#/searches/${m.searchId}` }, `search ${m.searchId}`), ' · ',
        h('a', { href: `#/trials/${m.trialId}` }, `trial #${m.trialNumber}`)),
      h('td', {}, m.dataset),
      h('td', {}, m.task),
      h('td', {}, m.metrics ? formatLoss(m.metrics.trainingLoss) : '—'),
      h('td', {}, m.metrics?.trainingAccuracy != null ? formatPercent(m.metrics.trainingAccuracy) : '—'),
      h('td', {}, formatTime(m.createdAt))))));
}
