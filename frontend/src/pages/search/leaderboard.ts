// The leaderboard: status filters with counts, the sortable table of one page of trials, the pager.
// Sorting, filtering, paging and selecting a trial change the URL; the page reads it back (route.ts).
import { TRIAL_STATUSES, type TrialStatus } from '../../api';
import { clear, h, statusBadge } from '../../dom';
import { formatCount } from '../../format';
import { PAGE_SIZES, toggleSort, toggleStatus, type BoardState, type SortKey } from '../../route';
import { nextCursor } from './cursor';
import { leaderboardHtml } from './leaderboardTable';
import type { SearchPageState } from './state';

export class Leaderboard {
  private readonly filters = h('fieldset', { className: 'filters' });
  private readonly table = h('div', { className: 'table-wrap board-wrap' });
  private readonly pager = h('nav', { className: 'pager', 'aria-label': 'Leaderboard pages' });
  private readonly status = h('p', { className: 'muted board-status', role: 'status' });
  private firstRender = true;
  readonly el = h('section', { className: 'board card', 'aria-labelledby': 'board-h' },
    h('div', { className: 'section-head' }, h('h2', { id: 'board-h' }, 'Leaderboard'), this.status),
    this.filters, this.table, this.pager);

  constructor(private readonly state: SearchPageState, private readonly go: (next: BoardState) => void) {
    this.table.addEventListener('click', (e) => {
      const target = e.target as HTMLElement;
      const sortBtn = target.closest<HTMLButtonElement>('button[data-sort]');
      if (sortBtn) {
        this.go(toggleSort(this.state.board, sortBtn.dataset.sort as SortKey));
        return;
      }
      if (target.closest('a')) return;
      const tr = target.closest<HTMLElement>('tr[data-trial-id], tr[data-error-for]');
      if (tr) this.go({ ...this.state.board, trial: Number(tr.dataset.trialId ?? tr.dataset.errorFor) });
    });
  }

  renderFilters(): void {
    const s = this.state;
    const counts = s.detail?.progress.byStatus ?? {};
    clear(this.filters);
    this.filters.append(h('legend', {}, 'Status'));
    for (const st of TRIAL_STATUSES) {
      const cb = h('input', { type: 'checkbox', id: `flt-${st}`, value: st, checked: s.board.status.includes(st) });
      cb.addEventListener('change', () => this.go(toggleStatus(s.board, st)));
      this.filters.append(h('label', { className: 'check', for: `flt-${st}` }, cb, statusBadge(st), h('span', { className: 'count' }, String(counts[st as TrialStatus] ?? 0))));
    }
    if (s.board.status.length) {
      this.filters.append(h('button', { type: 'button', className: 'small link', onclick: () => this.go({ ...s.board, status: [], page: 0 }) }, 'Show all'));
    }
  }

  renderTable(): void {
    // Re-rendering replaces the table: keep keyboard focus on the same header button or trial link.
    const focused = this.table.contains(document.activeElement) ? (document.activeElement as HTMLElement) : null;
    const focusSort = focused?.dataset.sort;
    const focusTrial = focused?.closest<HTMLElement>('tr[data-trial-id]')?.dataset.trialId;
    this.table.innerHTML = leaderboardHtml(this.state);
    if (focusSort) this.table.querySelector<HTMLElement>(`button[data-sort="${focusSort}"]`)?.focus();
    else if (focusTrial) this.table.querySelector<HTMLElement>(`tr[data-trial-id="${focusTrial}"] a.trial-link`)?.focus();
    if (this.firstRender) {
      this.firstRender = false;
      performance.mark('hs:board');
    }
  }

  renderPager(): void {
    const { board, page } = this.state;
    clear(this.pager);
    if (!page) return;
    const total = page.totalElements;
    const pages = Math.max(1, page.totalPages);
    // Handlers read the board when clicked: the selected trial may have changed since this render.
    const go = (change: Partial<BoardState>) => () => this.go({ ...this.state.board, ...change });
    const prev = h('button', { type: 'button', className: 'small', disabled: board.page <= 0, onclick: go({ page: board.page - 1 }) }, '← Previous');
    const next = h('button', { type: 'button', className: 'small', disabled: board.page + 1 >= pages, onclick: () => {
      this.state.cursor = nextCursor(this.state.board, this.state.rows);
      go({ page: this.state.board.page + 1 })();
    } }, 'Next →');
    const size = h('select', { id: 'page-size', 'aria-label': 'Trials per page' }, ...PAGE_SIZES.map((n) => h('option', { value: n, selected: n === board.size }, `${n} per page`)));
    size.addEventListener('change', () => this.go({ ...this.state.board, size: Number(size.value), page: 0 }));
    this.pager.append(prev, h('span', { className: 'page-of' }, `Page ${board.page + 1} of ${formatCount(pages)} · ${formatCount(total)} trial${total === 1 ? '' : 's'}`), next, size);
  }

  /** "live", "reconnecting…" or nothing, beside the heading. */
  setLiveStatus(text: string): void {
    if (this.status.textContent !== text) this.status.textContent = text;
  }
}
