// The selected trial's detail under the leaderboard (the URL's ?trial=), reloaded while it runs.
import { clear, h } from '../../dom';
import { searchHref } from '../../route';
import { TrialPanel } from '../trial';
import type { SearchPageState } from './state';

export class SelectedTrial {
  readonly el = h('section', { className: 'trial-detail card', id: 'trial-detail', hidden: true, 'aria-label': 'Selected trial' });
  private panel: TrialPanel | null = null;

  /** onLoad: the selected trial's detail arrived (its curve joins the top-k chart). */
  constructor(private readonly state: SearchPageState, private readonly onLoad: () => void) {}

  /** Opens, switches or closes the panel to match the URL. */
  sync(): void {
    const s = this.state;
    if (s.board.trial === null) {
      this.close();
      return;
    }
    if (this.panel && this.panel.trialId === s.board.trial) return;
    this.close();
    this.el.hidden = false;
    this.panel = new TrialPanel(this.el, s.board.trial, {
      closeHref: searchHref(s.id, { ...s.board, trial: null }),
      order: (s.detail?.parameters ?? []).map((p) => p.name),
      onLoad: (t) => {
        s.trial = t;
        this.onLoad();
      },
    });
    void this.panel.refresh().then(() => {
      if (!s.disposed) this.el.scrollIntoView({ block: 'nearest' });
    });
  }

  async refresh(): Promise<void> {
    await this.panel?.refresh();
  }

  private close(): void {
    this.panel?.dispose();
    this.panel = null;
    this.state.trial = null;
    this.el.hidden = true;
    clear(this.el);
  }

  dispose(): void {
    this.panel?.dispose();
  }
}
