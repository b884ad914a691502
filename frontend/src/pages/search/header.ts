// The search's header: name, status, cancel and CSV export, progress, best trial, sanity report, the
// parameters it holds fixed and its spec as submitted (shown as JSON text, never interpreted here).
import { api, ApiError, isActive } from '../../api';
import { clear, h, statusBadgeHtml } from '../../dom';
import { esc, formatAge, formatCount, formatLoss, formatParam, formatPercent, formatTime } from '../../format';
import { progressHtml } from '../../progress';
import { searchHref } from '../../route';
import { sanityView } from '../../sanityCheck';
import { fixedParameters, fixedParametersHtml } from '../../searchParameters';
import { sanityReportHtml } from './sanityReport';
import type { SearchPageState } from './state';
import { createModelButton } from '../trial';

export class SearchHeader {
  readonly el = h('section', { className: 'search-head', 'aria-labelledby': 'search-title' }, h('p', { className: 'muted' }, 'Loading…'));

  constructor(private readonly onCancel: () => void) {}

  render(s: SearchPageState): void {
    const d = s.detail;
    if (!d) return;
    const sanity = sanityView(d.sanityCheck);
    // A search that failed its sanity check says so first, with the numbers; otherwise the report sits below.
    const sanityFailed = !!sanity && !sanity.passed;
    const sanityHtml = sanity ? sanityReportHtml(sanity) : '';
    const fixed = fixedParameters(d);
    const budget = d.progress.budget ?? 0;
    this.el.innerHTML = `
      <div class="page-head">
        <h1 id="search-title">${esc(d.name)}</h1>
        ${statusBadgeHtml(d.status)}
        <div class="actions">
          ${isActive(d.status) ? `<button type="button" class="danger" id="cancel-search">Cancel search</button>` : ''}
          <a class="button" id="csv-link" href="${api.csvUrl(d.id)}" download>Export CSV</a>
        </div>
      </div>
      <p class="meta">#${d.id} · ${esc(d.dataset)}${d.inputFeatures != null ? ` <span id="input-features" title="the network's inputs after preprocessing (imputation, missing indicators, one-hot levels, date features)">(${formatCount(d.inputFeatures)} input features after preprocessing)</span>` : ''} · ${esc(d.strategy)} · created <time datetime="${esc(d.createdAt)}" title="${esc(formatTime(d.createdAt))}">${formatAge(d.createdAt)}</time>${d.finishedAt ? ` · finished ${formatTime(d.finishedAt)}` : ''}</p>
      ${sanityFailed ? sanityHtml : ''}
      ${d.message && !sanityFailed ? `<p class="message" role="note">${esc(d.message)}</p>` : ''}
      ${d.parameters ? '' : `<p class="message" role="note">This server does not say which parameters the search varies (no "parameters" in GET /api/searches/${d.id}): the leaderboard and charts show no parameter columns.</p>`}
      ${progressHtml(d.progress)}
      <dl class="stats best">
        <div><dt>Best val loss</dt><dd id="best-loss">${d.best ? formatLoss(d.best.valLoss) : '—'}</dd></div>
        <div><dt>Its val accuracy</dt><dd>${d.best ? formatPercent(d.best.valAccuracy) : '—'}</dd></div>
        <div><dt>Best trial</dt><dd id="best-trial">${d.best ? `<a href="${searchHref(s.id, { ...s.board, trial: d.best.trialId })}">#${d.best.number}</a>` : '—'}</dd></div>
        ${d.best ? '<div><dt>Best trial as a model</dt><dd id="best-model"></dd></div>' : ''}
        <div><dt>Trials</dt><dd>${formatCount(d.progress.total)}${budget > d.progress.total ? ` <span class="sub">of ${formatCount(budget)}</span>` : ''}</dd></div>
      </dl>
      ${sanityHtml && !sanityFailed ? sanityHtml : ''}
      ${fixed.length ? `<p class="fixed-params"><span class="muted">Fixed:</span> ${fixedParametersHtml(d, esc, formatParam)}</p>` : ''}
      <details class="spec"><summary>Spec (JSON)</summary><pre>${esc(JSON.stringify(d.spec, null, 2))}</pre></details>`;
    this.el.querySelector('#cancel-search')?.addEventListener('click', this.onCancel);
    this.el.querySelector('#best-model')?.append(createModelButton(() => api.modelOfSearch(d.id)));
  }

  /** Disables the cancel button while the cancel is under way. */
  cancelling(): void {
    const btn = this.el.querySelector<HTMLButtonElement>('#cancel-search');
    if (btn) btn.disabled = true;
  }

  /** The search could not be loaded at all. */
  unavailable(id: number, err: unknown): void {
    clear(this.el);
    this.el.append(h('h1', {}, 'Search not available'),
      h('p', { className: 'error-text', role: 'alert' }, err instanceof ApiError && err.status === 404 ? `There is no search ${id}.` : `Could not load search ${id}: ${(err as Error).message}`),
      h('p', {}, h('a', { href: '#/' }, '← Searches')));
  }
}
