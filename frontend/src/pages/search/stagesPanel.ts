// Coarse-to-fine stages: each stage's trials and the ranges it sampled from; hidden for other strategies.
import { h } from '../../dom';
import { esc, formatCount } from '../../format';
import { stageRanges, stageTrialsText } from '../../stageRanges';
import type { SearchPageState } from './state';

export class StagesPanel {
  readonly el = h('section', { className: 'stages card', id: 'stages', hidden: true, 'aria-labelledby': 'stages-h' });

  render(s: SearchPageState): void {
    const stages = s.detail?.stages ?? [];
    this.el.hidden = stages.length === 0;
    if (stages.length === 0) return;
    const budget = s.detail?.progress.budget;
    this.el.innerHTML = `<div class="section-head"><h2 id="stages-h">Stages</h2>
        <p class="muted">coarse-to-fine: each stage samples from ranges narrowed around the previous stages' best trials${budget ? ` · ${formatCount(budget)} trials planned` : ''}</p></div>
      <ol class="stage-list">${stages.map((st) => `<li data-stage="${st.stage}">
        <h3>Stage ${st.stage} <span class="muted">trials ${esc(stageTrialsText(st.firstTrial, st.trialCount))}</span></h3>
        <dl class="stage-ranges">${stageRanges(st.space).map(([k, v]) => `<div><dt>${esc(k)}</dt><dd>${esc(v)}</dd></div>`).join('')}</dl>
      </li>`).join('')}</ol>`;
  }
}
