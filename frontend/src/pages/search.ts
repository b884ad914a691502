// A search's page: header with progress and best trial, the leaderboard (sorted, filtered and paginated
// by the server), charts from server-side aggregates, and the selected trial's detail. Live through
// server-sent events, coalesced so that bursts cost a few refreshes per second at most.
import {
  api,
  ApiError,
  TRIAL_STATUSES,
  type ChartData,
  type Page,
  type SearchDetail,
  type TrialRow,
  type TrialStatus,
} from '../api';
import { ANIMATE, ChartHost, loadEcharts } from '../charts/host';
import { curvesOption, historyOption, parallelOption, scatterOption, type CurveSeries } from '../charts/options';
import { announce, clear, h, type PageHandle, statusBadge, statusBadgeHtml } from '../dom';
import { applyToRows, Coalescer, collapse, Throttle, type LiveEvent } from '../events';
import { esc, formatAge, formatCount, formatDuration, formatLoss, formatParam, formatPercent, formatTime } from '../format';
import { spaceMeta, type ParamMeta } from '../params';
import { progressHtml } from '../progress';
import {
  boardFromQuery,
  PAGE_SIZES,
  searchHref,
  toggleSort,
  toggleStatus,
  type BoardState,
  type SortKey,
} from '../route';
import { TrialPanel } from './trial';

const EVENT_BATCH_MS = 400;
const BOARD_REFRESH_MS = 500;
const CHART_REFRESH_MS = 2000;
const DETAIL_REFRESH_MS = 1000;
const FINISHING_POLL_MS = 1000;
const TOP_K_CHOICES = [3, 5, 10];

interface Column {
  key: string;
  label: string;
  sort?: SortKey;
  num?: boolean;
}

export function mountSearch(main: HTMLElement, id: number, query: URLSearchParams): PageHandle {
  let board: BoardState = boardFromQuery(query);
  let detail: SearchDetail | null = null;
  let metas: ParamMeta[] = [];
  let rows: TrialRow[] = [];
  let pageInfo: Page<TrialRow> | null = null;
  let charts: ChartData | null = null;
  let topK = 5;
  let panel: TrialPanel | null = null;
  let events: EventSource | null = null;
  let disposed = false;
  let firstBoard = true;
  let boardCtrl: AbortController | null = null;
  const hosts = new Map<string, ChartHost>();

  // ---- layout
  const head = h('section', { className: 'search-head', 'aria-labelledby': 'search-title' }, h('p', { className: 'muted' }, 'Loading…'));
  const filters = h('fieldset', { className: 'filters' });
  const tableHost = h('div', { className: 'table-wrap board-wrap' });
  const pager = h('nav', { className: 'pager', 'aria-label': 'Leaderboard pages' });
  const boardStatus = h('p', { className: 'muted board-status', role: 'status' });
  const boardSection = h('section', { className: 'board card', 'aria-labelledby': 'board-h' },
    h('div', { className: 'section-head' }, h('h2', { id: 'board-h' }, 'Leaderboard'), boardStatus),
    filters, tableHost, pager);
  const detailSection = h('section', { className: 'trial-detail card', id: 'trial-detail', hidden: true, 'aria-label': 'Selected trial' });
  const chartNote = h('p', { className: 'muted chart-note' });
  const topKSelect = h('select', { id: 'topk', 'aria-label': 'Number of best trials whose curves are drawn' },
    ...TOP_K_CHOICES.map((k) => h('option', { value: k, selected: k === topK }, `top ${k}`)));
  const chartCard = (key: string, title: string, extra?: HTMLElement, wide = false) => {
    const el = h('div', { className: `chart chart-${key}`, id: `chart-${key}`, role: 'img', 'aria-label': title });
    return h('figure', { className: `card chart-card${wide ? ' wide' : ''}` },
      h('figcaption', {}, h('h3', {}, title), extra ?? null), el);
  };
  const scatterGrid = h('div', { className: 'scatter-grid' });
  const chartGrid = h('div', { className: 'chart-grid', hidden: true },
    chartCard('history', 'Best-so-far val loss by trial'),
    chartCard('curves', 'Learning curves', h('label', { className: 'inline' }, h('span', { className: 'sr-only' }, 'Curves of'), topKSelect)),
    chartCard('parallel', 'Parallel coordinates (colour: val loss)', undefined, true),
    h('figure', { className: 'card chart-card wide' }, h('figcaption', {}, h('h3', {}, 'Parameters vs val loss')), scatterGrid));
  const chartsSection = h('section', { className: 'charts', 'aria-labelledby': 'charts-h' },
    h('div', { className: 'section-head' }, h('h2', { id: 'charts-h' }, 'Charts'), chartNote),
    chartGrid);
  main.append(head, boardSection, detailSection, chartsSection);

  function host(key: string): ChartHost {
    let c = hosts.get(key);
    if (!c) {
      const el = main.querySelector<HTMLElement>(`#chart-${key}`) ?? scatterGrid.appendChild(
        h('div', { className: 'chart small', id: `chart-${key}`, role: 'img', 'aria-label': key }));
      c = new ChartHost(el);
      hosts.set(key, c);
    }
    return c;
  }

  function go(next: BoardState): void {
    location.hash = searchHref(id, next);
  }

  // ---- header
  function renderHead(): void {
    if (!detail) return;
    const d = detail;
    const fixed = metas.filter((m) => !m.varying && m.fixed !== undefined && d.spec?.space && m.name in (d.spec.space as object));
    head.innerHTML = `
      <div class="page-head">
        <h1 id="search-title">${esc(d.name)}</h1>
        ${statusBadgeHtml(d.status)}
        <div class="actions">
          ${d.status === 'RUNNING' ? `<button type="button" class="danger" id="cancel-search">Cancel search</button>` : ''}
          <a class="button" id="csv-link" href="${api.csvUrl(d.id)}" download>Export CSV</a>
        </div>
      </div>
      <p class="meta">#${d.id} · ${esc(d.dataset)} · ${esc(d.strategy)} · created <time datetime="${esc(d.createdAt)}" title="${esc(formatTime(d.createdAt))}">${formatAge(d.createdAt)}</time>${d.finishedAt ? ` · finished ${formatTime(d.finishedAt)}` : ''}</p>
      ${d.message ? `<p class="message" role="note">${esc(d.message)}</p>` : ''}
      ${progressHtml(d.progress)}
      <dl class="stats best">
        <div><dt>Best val loss</dt><dd id="best-loss">${d.best ? formatLoss(d.best.valLoss) : '—'}</dd></div>
        <div><dt>Its val accuracy</dt><dd>${d.best ? formatPercent(d.best.valAccuracy) : '—'}</dd></div>
        <div><dt>Best trial</dt><dd>${d.best ? `<a href="${searchHref(id, { ...board, trial: d.best.trialId })}">#${d.best.number}</a>` : '—'}</dd></div>
        <div><dt>Trials</dt><dd>${formatCount(d.progress.total)}</dd></div>
      </dl>
      ${fixed.length ? `<p class="fixed-params"><span class="muted">Fixed:</span> ${fixed.map((m) => `<code>${esc(m.name)}=${esc(formatParam(m.fixed))}</code>`).join(' ')}</p>` : ''}
      <details class="spec"><summary>Spec (JSON)</summary><pre>${esc(JSON.stringify(d.spec, null, 2))}</pre></details>`;
    head.querySelector('#cancel-search')?.addEventListener('click', cancel);
  }

  async function cancel(): Promise<void> {
    const btn = head.querySelector<HTMLButtonElement>('#cancel-search');
    if (btn) btn.disabled = true;
    try {
      await api.cancel(id);
      announce('Search cancelled');
    } catch (err) {
      announce(`Cancel failed: ${(err as Error).message}`);
    }
    await loadSummary();
    refresh.request();
  }

  // ---- filters
  function renderFilters(): void {
    const counts = detail?.progress.byStatus ?? {};
    clear(filters);
    filters.append(h('legend', {}, 'Status'));
    for (const s of TRIAL_STATUSES) {
      const cb = h('input', { type: 'checkbox', id: `flt-${s}`, value: s, checked: board.status.includes(s) });
      cb.addEventListener('change', () => go(toggleStatus(board, s)));
      filters.append(h('label', { className: 'check', for: `flt-${s}` }, cb, statusBadge(s), h('span', { className: 'count' }, String(counts[s as TrialStatus] ?? 0))));
    }
    if (board.status.length) {
      filters.append(h('button', { type: 'button', className: 'small link', onclick: () => go({ ...board, status: [], page: 0 }) }, 'Show all'));
    }
  }

  // ---- leaderboard
  function columns(): Column[] {
    const params = metas.filter((m) => m.varying).map((m) => ({ key: `p:${m.name}`, label: m.name }));
    return [
      { key: 'rank', label: 'Rank', num: true },
      { key: 'number', label: 'Trial', sort: 'number' },
      { key: 'status', label: 'Status', sort: 'status' },
      ...params,
      { key: 'valLoss', label: 'Val loss', sort: 'valLoss', num: true },
      { key: 'valAccuracy', label: 'Val acc', sort: 'valAccuracy', num: true },
      { key: 'epochsRun', label: 'Epochs', sort: 'epochsRun', num: true },
      { key: 'durationMs', label: 'Duration', sort: 'durationMs', num: true },
    ];
  }

  function topIds(): Set<number> {
    return new Set((charts?.curves ?? []).slice(0, topK).map((c) => c.id));
  }

  function renderBoard(): void {
    const cols = columns();
    const bestId = detail?.best?.trialId ?? null;
    const top = topIds();
    const headCells = cols.map((c) => {
      if (!c.sort) return `<th scope="col"${c.num ? ' class="num"' : ''}>${esc(c.label)}</th>`;
      const active = board.sort === c.sort;
      const aria = active ? ` aria-sort="${board.dir === 'asc' ? 'ascending' : 'descending'}"` : '';
      const arrow = active ? (board.dir === 'asc' ? '▲' : '▼') : '';
      return `<th scope="col"${aria} class="sortable${c.num ? ' num' : ''}${active ? ' active' : ''}"><button type="button" data-sort="${c.sort}">${esc(c.label)}<span class="arrow" aria-hidden="true">${arrow}</span></button></th>`;
    });
    const offset = board.page * board.size;
    const body = rows.map((r, i) => {
      const cls = [`st-${r.status.toLowerCase()}`];
      if (r.id === bestId) cls.push('best');
      else if (top.has(r.id)) cls.push('top');
      if (r.id === board.trial) cls.push('selected');
      const cells = cols.map((c) => {
        switch (c.key) {
          case 'rank':
            return `<td class="num">${offset + i + 1}</td>`;
          case 'number':
            return `<td><a class="trial-link" href="${searchHref(id, { ...board, trial: r.id })}" aria-label="Trial ${r.number} detail"${r.id === board.trial ? ' aria-current="true"' : ''}>#${r.number}</a>${r.id === bestId ? ' <span class="star" title="best trial">★ best</span>' : ''}</td>`;
          case 'status':
            return `<td>${statusBadgeHtml(r.status)}${r.attempt > 1 ? ` <span class="sub" title="attempts">×${r.attempt}</span>` : ''}</td>`;
          case 'valLoss':
            return `<td class="num">${formatLoss(r.valLoss)}</td>`;
          case 'valAccuracy':
            return `<td class="num">${formatPercent(r.valAccuracy)}</td>`;
          case 'epochsRun':
            return `<td class="num">${r.epochsRun ?? '—'}</td>`;
          case 'durationMs':
            return `<td class="num">${r.status === 'RUNNING' ? '…' : formatDuration(r.durationMs)}</td>`;
          default:
            return `<td>${esc(formatParam(r.params?.[c.key.slice(2)]))}</td>`;
        }
      });
      const row = `<tr class="${cls.join(' ')}" data-trial-id="${r.id}">${cells.join('')}</tr>`;
      // Why a trial diverged, failed or stopped: on its own line under the trial, never hidden.
      return r.error
        ? `${row}<tr class="error-row st-${r.status.toLowerCase()}" data-error-for="${r.id}"><td></td><td colspan="${cols.length - 1}"><span class="why">${esc(r.status.toLowerCase())}:</span> ${esc(r.error)}</td></tr>`
        : row;
    });
    const empty = rows.length === 0 ? `<tr><td colspan="${cols.length}" class="empty">${board.status.length ? 'No trials with these statuses.' : 'No trials yet.'}</td></tr>` : '';
    // Re-rendering replaces the table: keep keyboard focus on the same header button or trial link.
    const focused = tableHost.contains(document.activeElement) ? (document.activeElement as HTMLElement) : null;
    const focusSort = focused?.dataset.sort;
    const focusTrial = focused?.closest<HTMLElement>('tr[data-trial-id]')?.dataset.trialId;
    tableHost.innerHTML = `<table class="data leaderboard" aria-describedby="board-h">
      <caption class="sr-only">Trials sorted by ${esc(board.sort)} ${board.dir === 'asc' ? 'ascending' : 'descending'}; click a column header to sort</caption>
      <thead><tr>${headCells.join('')}</tr></thead><tbody>${body.join('')}${empty}</tbody></table>`;
    if (focusSort) tableHost.querySelector<HTMLElement>(`button[data-sort="${focusSort}"]`)?.focus();
    else if (focusTrial) tableHost.querySelector<HTMLElement>(`tr[data-trial-id="${focusTrial}"] a.trial-link`)?.focus();
    if (firstBoard) {
      firstBoard = false;
      performance.mark('hs:board');
    }
  }

  tableHost.addEventListener('click', (e) => {
    const target = e.target as HTMLElement;
    const sortBtn = target.closest<HTMLButtonElement>('button[data-sort]');
    if (sortBtn) {
      go(toggleSort(board, sortBtn.dataset.sort as SortKey));
      return;
    }
    if (target.closest('a')) return;
    const tr = target.closest<HTMLElement>('tr[data-trial-id], tr[data-error-for]');
    if (tr) go({ ...board, trial: Number(tr.dataset.trialId ?? tr.dataset.errorFor) });
  });

  function renderPager(): void {
    clear(pager);
    if (!pageInfo) return;
    const total = pageInfo.totalElements;
    const pages = Math.max(1, pageInfo.totalPages);
    const prev = h('button', { type: 'button', className: 'small', disabled: board.page <= 0, onclick: () => go({ ...board, page: board.page - 1 }) }, '← Previous');
    const next = h('button', { type: 'button', className: 'small', disabled: board.page + 1 >= pages, onclick: () => go({ ...board, page: board.page + 1 }) }, 'Next →');
    const size = h('select', { id: 'page-size', 'aria-label': 'Trials per page' }, ...PAGE_SIZES.map((s) => h('option', { value: s, selected: s === board.size }, `${s} per page`)));
    size.addEventListener('change', () => go({ ...board, size: Number(size.value), page: 0 }));
    pager.append(prev, h('span', { className: 'page-of' }, `Page ${board.page + 1} of ${formatCount(pages)} · ${formatCount(total)} trial${total === 1 ? '' : 's'}`), next, size);
  }

  // ---- loading
  async function loadSummary(): Promise<void> {
    const d = await api.search(id);
    if (disposed) return;
    const first = detail === null;
    detail = d;
    if (first) metas = spaceMeta(d.spec);
    renderHead();
    renderFilters();
    document.title = `${d.name} · Hypersearch`;
    if (d.status !== 'RUNNING') {
      closeEvents();
      // The event stream ends with the search; trials still stopping after a cancel are polled for.
      if (d.progress.running > 0) finishing.request();
    }
  }

  async function loadBoard(): Promise<void> {
    boardCtrl?.abort();
    boardCtrl = new AbortController();
    const p = await api.trials(id, board, boardCtrl.signal);
    if (disposed) return;
    if (p.totalPages > 0 && board.page >= p.totalPages) {
      go({ ...board, page: p.totalPages - 1 });
      return;
    }
    pageInfo = p;
    rows = p.items;
    renderBoard();
    renderPager();
    boardStatus.textContent = detail?.status === 'RUNNING' ? 'live' : '';
  }

  async function loadCharts(pending?: Promise<ChartData>): Promise<void> {
    try {
      charts = await (pending ?? api.charts(id, Math.max(...TOP_K_CHOICES), []));
    } catch (err) {
      if (disposed) return;
      chartNote.textContent = err instanceof ApiError && err.status === 404 ? 'Charts are not available from this server.' : `Charts failed: ${(err as Error).message}`;
      return;
    }
    if (disposed) return;
    renderCharts();
    renderBoard(); // top-k highlighting
  }

  function renderCharts(): void {
    if (!charts) return;
    const c = charts;
    const ctx = { animation: ANIMATE };
    chartNote.textContent = c.finished === 0
      ? 'Charts fill in as trials finish.'
      : c.sampled
        ? `Showing a sample of ${formatCount(c.sample.length)} of ${formatCount(c.finished)} finished trials (the best always included).`
        : `${formatCount(c.finished)} finished trial${c.finished === 1 ? '' : 's'}.`;
    chartGrid.hidden = c.finished === 0;
    if (chartGrid.hidden) return;
    const best = c.bestSoFar.length ? c.bestSoFar[c.bestSoFar.length - 1][1] : null;
    void host('history').set(historyOption(c, ctx), `Best-so-far val loss by trial: ${c.bestSoFar.length} improvements, best ${formatLoss(best)}`);
    renderCurves();
    const varying = metas.filter((m) => m.varying);
    void host('parallel').set(parallelOption(c, metas, ctx), `Parallel coordinates of ${varying.map((m) => m.name).join(', ')} and val loss over ${c.sample.length} trials`);
    if (varying.length === 0) scatterGrid.textContent = 'Every parameter is fixed in this search.';
    for (const m of varying) {
      void host(`scatter-${m.name}`).set(scatterOption(m, c, ctx), `${m.name} against val loss${m.axis === 'log' ? ' (log axis)' : ''}`);
    }
    performance.mark('hs:charts');
  }

  function renderCurves(): void {
    if (chartGrid.hidden) return;
    const list: CurveSeries[] = (charts?.curves ?? []).slice(0, topK).map((c) => ({ id: c.id, number: c.number, points: c.points, selected: c.id === board.trial }));
    const sel = panel?.detail;
    if (sel && sel.id === board.trial && !list.some((c) => c.id === sel.id)) {
      list.push({ id: sel.id, number: sel.number, points: sel.curve, selected: true });
    }
    void host('curves').set(curvesOption(list, { animation: ANIMATE }),
      `Learning curves of trials ${list.map((c) => `#${c.number}`).join(', ') || '(none yet)'}`);
  }

  topKSelect.addEventListener('change', () => {
    topK = Number(topKSelect.value);
    renderCurves();
    renderBoard();
  });

  // ---- selected trial
  function syncPanel(): void {
    if (board.trial === null) {
      panel?.dispose();
      panel = null;
      detailSection.hidden = true;
      clear(detailSection);
      return;
    }
    if (panel && panel.trialId === board.trial) return;
    panel?.dispose();
    clear(detailSection);
    detailSection.hidden = false;
    panel = new TrialPanel(detailSection, board.trial, {
      closeHref: searchHref(id, { ...board, trial: null }),
      onLoad: () => renderCurves(),
    });
    void panel.refresh().then(() => {
      if (!disposed) detailSection.scrollIntoView({ block: 'nearest' });
    });
  }

  // ---- live updates
  const refresh = new Throttle(async () => {
    await Promise.all([loadSummary(), loadBoard()]);
  }, BOARD_REFRESH_MS);
  const chartRefresh = new Throttle(() => loadCharts(), CHART_REFRESH_MS);
  const finishing = new Throttle(async () => {
    refresh.request();
    chartRefresh.request();
  }, FINISHING_POLL_MS);
  const detailRefresh = new Throttle(async () => {
    await panel?.refresh();
  }, DETAIL_REFRESH_MS);

  const batcher = new Coalescer<LiveEvent>((batch) => {
    if (disposed) return;
    const c = collapse(batch);
    const applied = applyToRows(rows, c);
    if (applied.changed) {
      rows = applied.rows;
      renderBoard();
    }
    if (c.statusChanged || c.anyFinished || c.search) refresh.request();
    if (c.anyFinished || c.search) chartRefresh.request();
    if (board.trial !== null && c.trials.some((t) => t.trialId === board.trial)) detailRefresh.request();
    if (c.search && c.search !== 'RUNNING') {
      closeEvents();
      announce(`Search ${c.search.toLowerCase()}`);
    }
  }, EVENT_BATCH_MS);

  function openEvents(): void {
    if (events || typeof EventSource === 'undefined') return;
    events = new EventSource(api.eventsUrl(id));
    events.addEventListener('trial', (e) => batcher.push({ kind: 'trial', data: JSON.parse((e as MessageEvent).data) }));
    events.addEventListener('search', (e) => batcher.push({ kind: 'search', data: JSON.parse((e as MessageEvent).data) }));
    events.addEventListener('open', () => {
      boardStatus.textContent = 'live';
      refresh.request(); // catch up on what happened while (re)connecting
    });
    events.addEventListener('error', () => {
      if (events && events.readyState === EventSource.CLOSED) events = null;
      boardStatus.textContent = 'reconnecting…';
    });
  }

  function closeEvents(): void {
    events?.close();
    events = null;
    if (boardStatus.textContent !== '') boardStatus.textContent = '';
  }

  // ---- start
  async function start(): Promise<void> {
    // The header and the leaderboard are asked for first; the aggregates and the chart library load
    // while they render.
    const first = Promise.all([loadSummary(), loadBoard()]);
    const pendingCharts = api.charts(id, Math.max(...TOP_K_CHOICES), []);
    pendingCharts.catch(() => undefined);
    void loadEcharts().catch(() => undefined);
    try {
      await first;
    } catch (err) {
      if (disposed) return;
      clear(head);
      head.append(h('h1', {}, 'Search not available'),
        h('p', { className: 'error-text', role: 'alert' }, err instanceof ApiError && err.status === 404 ? `There is no search ${id}.` : `Could not load search ${id}: ${(err as Error).message}`),
        h('p', {}, h('a', { href: '#/' }, '← Searches')));
      boardSection.hidden = true;
      chartsSection.hidden = true;
      return;
    }
    renderBoard(); // columns depend on the spec, which may have arrived after the rows
    if (detail?.status === 'RUNNING') openEvents();
    syncPanel();
    await loadCharts(pendingCharts);
  }
  void start();

  return {
    dispose() {
      disposed = true;
      closeEvents();
      batcher.dispose();
      refresh.dispose();
      chartRefresh.dispose();
      detailRefresh.dispose();
      finishing.dispose();
      boardCtrl?.abort();
      panel?.dispose();
      hosts.forEach((c) => c.dispose());
    },
    update(q) {
      const next = boardFromQuery(q);
      const boardChanged = next.sort !== board.sort || next.dir !== board.dir || next.page !== board.page
        || next.size !== board.size || next.status.join() !== board.status.join();
      const trialChanged = next.trial !== board.trial;
      board = next;
      if (boardChanged) {
        renderFilters();
        void loadBoard().catch(() => undefined);
      } else if (trialChanged) {
        renderBoard();
      }
      if (trialChanged) {
        syncPanel();
        renderCurves();
      }
      renderHead();
      return true;
    },
  };
}
