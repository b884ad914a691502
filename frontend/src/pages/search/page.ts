// A search's page: header (status, progress, best, cancel), coarse-to-fine stages, the leaderboard
// (sorted, filtered and paged by the server), the selected trial, and charts from server-side
// aggregates, over one state object (state.ts). refresh.ts decides when what is read; the components
// only render.
import { api } from '../../api';
import { announce, type PageHandle } from '../../dom';
import { boardFromQuery, searchHref, type BoardState } from '../../route';
import { SearchCharts } from './charts';
import { SearchHeader } from './header';
import { Leaderboard } from './leaderboard';
import { SearchRefresh } from './refresh';
import { SelectedTrial } from './selectedTrial';
import { StagesPanel } from './stagesPanel';
import { initialState, samePage } from './state';

export function mountSearch(main: HTMLElement, id: number, query: URLSearchParams): PageHandle {
  const state = initialState(id, query);
  const go = (next: BoardState) => {
    location.hash = searchHref(id, next);
  };
  const header = new SearchHeader(() => void cancel());
  const stages = new StagesPanel();
  const board = new Leaderboard(state, go);
  const charts = new SearchCharts(state, () => board.renderTable(), () => refresh.importanceSettingsChanged());
  const selected = new SelectedTrial(state, () => charts.renderCurves());
  main.append(header.el, stages.el, board.el, selected.el, charts.el);

  const refresh = new SearchRefresh(state, {
    summary(first) {
      header.render(state);
      stages.render(state);
      board.renderFilters();
      if (!first) board.renderTable();
      document.title = `${state.detail!.name} · Hypersearch`;
    },
    board() {
      board.renderTable();
      board.renderPager();
    },
    rows: () => board.renderTable(),
    charts() {
      charts.render();
      board.renderTable(); // top-k marks
    },
    chartsFailed: (err) => charts.failed(err),
    importance: () => charts.renderImportance(),
    importanceFailed: (err) => charts.importanceFailed(err),
    live: (text) => board.setLiveStatus(text),
    trial: () => selected.refresh(),
    go,
  });

  async function cancel(): Promise<void> {
    header.cancelling();
    try {
      await api.cancel(id);
      announce('Search cancelled');
    } catch (err) {
      announce(`Cancel failed: ${(err as Error).message}`);
    }
    await refresh.afterCancel();
  }

  refresh.start(() => {
    board.renderTable(); // columns depend on the detail, which may have arrived after the rows
    selected.sync();
  }).catch((err) => {
    if (state.disposed) return;
    header.unavailable(id, err);
    board.el.hidden = true;
    charts.el.hidden = true;
  });

  return {
    dispose() {
      state.disposed = true;
      refresh.dispose();
      selected.dispose();
      charts.dispose();
    },
    update(q) {
      const next = boardFromQuery(q);
      const pageChanged = !samePage(next, state.board);
      const trialChanged = next.trial !== state.board.trial;
      state.board = next;
      if (pageChanged) {
        board.renderFilters();
        refresh.boardChanged();
      } else if (trialChanged) {
        board.renderTable();
      }
      if (trialChanged) {
        selected.sync();
        charts.renderCurves();
      }
      header.render(state); // the best trial's link carries the board state
      return true;
    },
  };
}
