// The sanity check's report: a note when it passed, an alert with its numbers when it failed.
import { esc } from '../../format';
import type { SanityView } from '../../sanityCheck';

export function sanityReportHtml(s: SanityView): string {
  const facts = s.facts.length
    ? `<dl class="sanity-facts">${s.facts.map(([k, v]) => `<div><dt>${esc(k)}</dt><dd>${esc(v)}</dd></div>`).join('')}</dl>`
    : '';
  return `<div class="sanity ${s.passed ? 'passed' : 'failed'}" id="sanity-check" role="${s.passed ? 'note' : 'alert'}" data-passed="${s.passed}">
      <strong>${s.passed ? '✓' : '✗'} ${esc(s.title)}</strong>
      ${facts}
      ${s.message ? `<p>${esc(s.message)}</p>` : ''}
    </div>`;
}
