// The live preview beside the form: how many trials and epochs the spec means, what it costs, and its
// first trials; or the server's verdict on what to fix. Asked for PREVIEW_DEBOUNCE_MS after the last change.
import { api, ApiError, paramValue, type FieldError, type PreviewResponse } from '../../api';
import { h } from '../../dom';
import { esc, formatCount, formatTrialParam } from '../../format';

const PREVIEW_DEBOUNCE_MS = 300;

export interface PreviewSource {
  /** The spec to preview; null when there is none (e.g. JSON that does not parse, already reported). */
  spec(): Record<string, unknown> | null;
  /** Training rows of the chosen dataset, for the cost; null when unknown. */
  trainRows(): number | null;
  /** The server's answer: its errors to place (none when the spec is valid). */
  verdict(errors: FieldError[]): void;
}

export class PreviewPanel {
  private readonly body = h('div', { className: 'preview-body' }, h('p', { className: 'muted' }, 'Fill in the form to see the trials.'));
  readonly el = h('section', { className: 'preview', 'aria-labelledby': 'preview-h', 'aria-live': 'polite' }, h('h2', { id: 'preview-h' }, 'Preview'), this.body);
  private timer: ReturnType<typeof setTimeout> | null = null;
  private ctrl: AbortController | null = null;
  private last: PreviewResponse | null = null;
  private disposed = false;

  constructor(private readonly source: PreviewSource) {}

  /** Something changed: preview again once the typing pauses. */
  schedule(): void {
    if (this.timer) clearTimeout(this.timer);
    this.timer = setTimeout(() => void this.run(), PREVIEW_DEBOUNCE_MS);
  }

  /** Renders the last answer again (e.g. the dataset list arrived, so the cost is known). */
  rerender(): void {
    if (this.last) this.render(this.last);
  }

  private async run(): Promise<void> {
    const spec = this.source.spec();
    if (!spec) return;
    this.ctrl?.abort();
    this.ctrl = new AbortController();
    this.body.classList.add('stale');
    try {
      const p = await api.preview(spec, this.ctrl.signal);
      if (this.disposed) return;
      this.last = p;
      this.source.verdict([]);
      this.render(p);
    } catch (err) {
      if (this.disposed || (err as Error).name === 'AbortError') return;
      const errors = err instanceof ApiError ? err.errors : [];
      this.source.verdict(errors);
      this.body.innerHTML = errors.length
        ? `<p class="error-text">${errors.length} problem${errors.length === 1 ? '' : 's'} to fix before this search can run.</p>`
        : `<p class="error-text">${esc((err as Error).message)}</p>`;
    } finally {
      this.body.classList.remove('stale');
    }
  }

  private render(p: PreviewResponse): void {
    const trainRows = this.source.trainRows();
    const names = [...new Set(p.firstTrials.flatMap((t) => Object.keys(t.params)))];
    const varying = names.filter((n) => new Set(p.firstTrials.map((t) => JSON.stringify(paramValue(t.params, n)))).size > 1);
    const cols = varying.length ? varying : names.slice(0, 4);
    this.body.innerHTML = `<dl class="stats">
      <div><dt>Trials</dt><dd id="preview-trials">${formatCount(p.trialCount)}</dd></div>
      <div><dt>Epochs in total</dt><dd id="preview-epochs">${formatCount(p.totalEpochs)}</dd></div>
      ${trainRows !== null ? `<div><dt>Cost</dt><dd>≈ ${formatCount(p.totalEpochs * trainRows)} sample-epochs</dd></div>` : ''}
      ${p.seed !== undefined && p.seed !== null ? `<div><dt>Seed</dt><dd>${p.seed}</dd></div>` : ''}
    </dl>
    ${p.firstTrials.length ? `<div class="table-wrap"><table class="data compact"><caption>First ${Math.min(p.firstTrials.length, 8)} trials</caption>
      <thead><tr><th scope="col">#</th>${cols.map((c) => `<th scope="col">${esc(c)}</th>`).join('')}</tr></thead>
      <tbody>${p.firstTrials.slice(0, 8).map((t) => `<tr><td>${t.number}</td>${cols.map((c) => `<td>${esc(formatTrialParam(paramValue(t.params, c)))}</td>`).join('')}</tr>`).join('')}</tbody></table></div>` : ''}`;
  }

  dispose(): void {
    this.disposed = true;
    this.ctrl?.abort();
    if (this.timer) clearTimeout(this.timer);
  }
}
