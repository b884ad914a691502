// The searches list: status, progress, best val loss and accuracy, age, cancel.
import { api, ApiError, isActive, type Page, type SearchSummary } from '../api';
import { announce, h, type PageHandle, statusBadgeHtml } from '../dom';
import { esc, formatAge, formatLoss, formatPercent } from '../format';
import { progressHtml } from '../progress';

const PAGE_SIZE = 20;
const POLL_MS = 2000;

export function mountList(main: HTMLElement, query: URLSearchParams): PageHandle {
  let page = Math.max(0, Number(query.get('page') ?? 0) || 0);
  let timer: ReturnType<typeof setTimeout> | null = null;
  let disposed = false;
  let ctrl: AbortController | null = null;

  const status = h('p', { className: 'muted', role: 'status' }, 'Loading searches…');
  const tableHost = h('div', { className: 'table-wrap' });
  const pager = h('nav', { className: 'pager', 'aria-label': 'Searches pages' });
  main.append(
    h('div', { className: 'page-head' },
      h('h1', {}, 'Searches'),
      h('a', { className: 'button primary', href: '#/new' }, 'New search')),
    status, tableHost, pager);

  tableHost.addEventListener('click', async (e) => {
    const btn = (e.target as HTMLElement).closest('button[data-cancel]') as HTMLButtonElement | null;
    if (!btn) return;
    const id = Number(btn.dataset.cancel);
    btn.disabled = true;
    try {
      await api.cancel(id);
      announce(`Search ${id} cancelled`);
    } catch (err) {
      status.textContent = `Cancel failed: ${(err as Error).message}`;
    }
    void load();
  });

  async function load(): Promise<void> {
    if (timer) clearTimeout(timer);
    ctrl?.abort();
    ctrl = new AbortController();
    try {
      const data = await api.searches(page, PAGE_SIZE, ctrl.signal);
      if (disposed) return;
      render(data);
      if (data.items.some((s) => isActive(s.status))) timer = setTimeout(() => void load(), POLL_MS);
    } catch (err) {
      if (disposed || (err as Error).name === 'AbortError') return;
      status.textContent = err instanceof ApiError ? `Could not load searches: ${err.message}` : 'Could not reach the server.';
      timer = setTimeout(() => void load(), POLL_MS * 2);
    }
  }

  function render(data: Page<SearchSummary>): void {
    status.textContent = data.totalElements === 0 ? '' : `${data.totalElements} search${data.totalElements === 1 ? '' : 'es'}`;
    if (data.totalElements === 0) {
      tableHost.innerHTML = '<p class="empty">No searches yet. <a href="#/new">Start one</a>.</p>';
      pager.innerHTML = '';
      return;
    }
    const now = Date.now();
    const rows = data.items.map((s) => {
      const best = s.best;
      const cancel = isActive(s.status)
        ? `<button type="button" class="small danger" data-cancel="${s.id}" aria-label="Cancel search ${esc(s.name)}">Cancel</button>`
        : '';
      return `<tr data-search-id="${s.id}">
        <td><a href="#/searches/${s.id}">${esc(s.name)}</a><div class="sub">#${s.id}${s.owner ? ` · by ${esc(s.owner)}` : ''}${s.message ? ` · ${esc(s.message)}` : ''}</div></td>
        <td>${statusBadgeHtml(s.status)}</td>
        <td class="progress-cell">${progressHtml(s.progress)}</td>
        <td class="num">${best ? formatLoss(best.valLoss) : '—'}</td>
        <td class="num">${best ? formatPercent(best.valAccuracy) : '—'}</td>
        <td>${esc(s.dataset)}</td>
        <td>${esc(s.strategy)}</td>
        <td><time datetime="${esc(s.createdAt)}" title="${esc(new Date(s.createdAt).toLocaleString())}">${formatAge(s.createdAt, now)}</time></td>
        <td>${cancel}</td>
      </tr>`;
    });
    tableHost.innerHTML = `<table class="data searches">
      <caption class="sr-only">Searches, newest first</caption>
      <thead><tr><th scope="col">Name</th><th scope="col">Status</th><th scope="col">Progress</th>
      <th scope="col" class="num">Best val loss</th><th scope="col" class="num">Best val acc</th>
      <th scope="col">Dataset</th><th scope="col">Strategy</th><th scope="col">Age</th><th scope="col"><span class="sr-only">Actions</span></th></tr></thead>
      <tbody>${rows.join('')}</tbody></table>`;
    pager.innerHTML = '';
    if (data.totalPages > 1) {
      const prev = h('a', { className: 'button small', href: `#/?page=${page - 1}`, 'aria-disabled': page <= 0 ? 'true' : null }, 'Previous');
      const next = h('a', { className: 'button small', href: `#/?page=${page + 1}`, 'aria-disabled': page + 1 >= data.totalPages ? 'true' : null }, 'Next');
      pager.append(prev, h('span', {}, `Page ${page + 1} of ${data.totalPages}`), next);
    }
  }

  void load();
  return {
    dispose() {
      disposed = true;
      ctrl?.abort();
      if (timer) clearTimeout(timer);
    },
    update(q) {
      page = Math.max(0, Number(q.get('page') ?? 0) || 0);
      void load();
      return true;
    },
  };
}
