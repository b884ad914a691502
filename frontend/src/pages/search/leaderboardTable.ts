// The leaderboard's table as HTML: columns (the parameters the search varies among them), one row per
// trial with its rank, best / top-k / selected marks, and a line saying why a trial was pruned or failed.
import { paramValue, type TrialRow } from '../../api';
import { statusBadgeHtml } from '../../dom';
import { cvAccuracyText, cvLossText } from '../../crossValidation';
import { esc, formatDuration, formatLoss, formatPercent, formatTrialParam } from '../../format';
import { pruningText } from '../../pruning';
import { searchHref, type SortKey } from '../../route';
import { varyingParameters } from '../../searchParameters';
import { topTrialIds, type SearchPageState } from './state';

interface Column {
  key: string;
  label: string;
  sort?: SortKey;
  num?: boolean;
}

/**
 * The task's scores: macro-F1 beside accuracy for classification, R², RMSE and MAE (in the target's units) for
 * regression; told apart by what the rows carry (the search detail does not name the task).
 */
function scoreColumns(s: SearchPageState): Column[] {
  const rows = s.page?.items ?? [];
  if (rows.some((r) => r.valR2 != null || r.valRmse != null)) {
    return [
      { key: 'valR2', label: 'Val R²', sort: 'valR2', num: true },
      { key: 'valRmse', label: 'Val RMSE', sort: 'valRmse', num: true },
      { key: 'valMae', label: 'Val MAE', sort: 'valMae', num: true },
    ];
  }
  return [
    { key: 'valAccuracy', label: 'Val acc', sort: 'valAccuracy', num: true },
    ...(rows.some((r) => r.valF1 != null) ? [{ key: 'valF1', label: 'Val F1', sort: 'valF1' as SortKey, num: true }] : []),
  ];
}

function columns(s: SearchPageState): Column[] {
  const params = varyingParameters(s.detail).map((p) => ({ key: `p:${p.name}`, label: p.name }));
  return [
    { key: 'rank', label: 'Rank', num: true },
    { key: 'number', label: 'Trial', sort: 'number' },
    ...(s.detail?.strategy === 'coarse-to-fine' ? [{ key: 'stage', label: 'Stage', sort: 'stage' as SortKey, num: true }] : []),
    { key: 'status', label: 'Status', sort: 'status' },
    ...params,
    { key: 'valLoss', label: 'Val loss', sort: 'valLoss', num: true },
    ...scoreColumns(s),
    { key: 'epochsRun', label: 'Epochs', sort: 'epochsRun', num: true },
    { key: 'durationMs', label: 'Duration', sort: 'durationMs', num: true },
  ];
}

function headCell(c: Column, s: SearchPageState): string {
  if (!c.sort) return `<th scope="col"${c.num ? ' class="num"' : ''}>${esc(c.label)}</th>`;
  const active = s.board.sort === c.sort;
  const aria = active ? ` aria-sort="${s.board.dir === 'asc' ? 'ascending' : 'descending'}"` : '';
  const arrow = active ? (s.board.dir === 'asc' ? '▲' : '▼') : '';
  return `<th scope="col"${aria} class="sortable${c.num ? ' num' : ''}${active ? ' active' : ''}"><button type="button" data-sort="${c.sort}">${esc(c.label)}<span class="arrow" aria-hidden="true">${arrow}</span></button></th>`;
}

function cell(c: Column, r: TrialRow, rank: number, bestId: number | null, s: SearchPageState): string {
  const cvTitle = r.crossValidation ? ` title="mean ± std over ${r.crossValidation.folds} folds"` : '';
  switch (c.key) {
    case 'rank':
      return `<td class="num">${rank}</td>`;
    case 'number':
      return `<td><a class="trial-link" href="${searchHref(s.id, { ...s.board, trial: r.id })}" aria-label="Trial ${r.number} detail"${r.id === s.board.trial ? ' aria-current="true"' : ''}>#${r.number}</a>${r.id === bestId ? ' <span class="star" title="best trial">★ best</span>' : ''}</td>`;
    case 'status':
      return `<td>${statusBadgeHtml(r.status)}${r.attempt > 1 ? ` <span class="sub" title="attempts">×${r.attempt}</span>` : ''}</td>`;
    case 'stage':
      return `<td class="num">${r.stage ?? '—'}</td>`;
    case 'valLoss':
      return r.crossValidation && r.valLoss !== null
        ? `<td class="num cv"${cvTitle}>${esc(cvLossText(r.crossValidation))}</td>`
        : `<td class="num">${formatLoss(r.valLoss)}</td>`;
    case 'valAccuracy':
      return r.crossValidation && r.valAccuracy !== null
        ? `<td class="num cv"${cvTitle}>${esc(cvAccuracyText(r.crossValidation))}</td>`
        : `<td class="num">${formatPercent(r.valAccuracy)}</td>`;
    case 'valF1':
    case 'valR2':
      return `<td class="num">${formatScore(r[c.key])}</td>`;
    case 'valRmse':
    case 'valMae':
      return `<td class="num">${formatLoss(r[c.key] ?? null)}</td>`;
    case 'epochsRun':
      return `<td class="num">${r.epochsRun ?? '—'}</td>`;
    case 'durationMs':
      return `<td class="num">${r.status === 'RUNNING' ? '…' : formatDuration(r.durationMs)}</td>`;
    default:
      return `<td>${esc(formatTrialParam(paramValue(r.params, c.key.slice(2))))}</td>`;
  }
}

/** A score in [0, 1] (R² may be negative) to three decimals. */
function formatScore(v: number | null | undefined): string {
  return v == null || !Number.isFinite(v) ? '—' : v.toFixed(3);
}

/** Why a trial was pruned, diverged, failed or cancelled: on its own line under the trial, never hidden. */
function whyRow(r: TrialRow, width: number): string {
  if (r.pruning) {
    return `<tr class="error-row st-pruned" data-error-for="${r.id}"><td></td><td colspan="${width - 1}"><span class="why">pruned:</span> <span class="pruned-at">${esc(pruningText(r.pruning))}</span>${r.pruning.reason ? ` <span class="muted reason">— ${esc(r.pruning.reason)}</span>` : ''}</td></tr>`;
  }
  return r.error
    ? `<tr class="error-row st-${r.status.toLowerCase()}" data-error-for="${r.id}"><td></td><td colspan="${width - 1}"><span class="why">${esc(r.status.toLowerCase())}:</span> ${esc(r.error)}</td></tr>`
    : '';
}

export function leaderboardHtml(s: SearchPageState): string {
  const cols = columns(s);
  // The best marker comes from the same detail as the header's best trial.
  const bestId = s.detail?.best?.trialId ?? null;
  const top = topTrialIds(s);
  const offset = s.board.page * s.board.size;
  const body = s.rows.map((r, i) => {
    const cls = [`st-${r.status.toLowerCase()}`];
    if (r.id === bestId) cls.push('best');
    else if (top.has(r.id)) cls.push('top');
    if (r.id === s.board.trial) cls.push('selected');
    // Each cell names its column: which columns there are depends on the rows (F1 once a trial has ended).
    const cells = cols.map((c) => cell(c, r, offset + i + 1, bestId, s).replace('<td', `<td data-col="${esc(c.key)}"`)).join('');
    return `<tr class="${cls.join(' ')}" data-trial-id="${r.id}">${cells}</tr>${whyRow(r, cols.length)}`;
  });
  const empty = s.rows.length === 0
    ? `<tr><td colspan="${cols.length}" class="empty">${s.board.status.length ? 'No trials with these statuses.' : 'No trials yet.'}</td></tr>`
    : '';
  return `<table class="data leaderboard" aria-describedby="board-h">
      <caption class="sr-only">Trials sorted by ${esc(s.board.sort)} ${s.board.dir === 'asc' ? 'ascending' : 'descending'}; click a column header to sort</caption>
      <thead><tr>${cols.map((c) => headCell(c, s)).join('')}</tr></thead><tbody>${body.join('')}${empty}</tbody></table>`;
}
