// The search's server-sent events, batched: bursts (every epoch of every trial) reach the page as one
// collapsed batch at most every EVENT_BATCH_MS.
import { api } from '../../api';
import { Coalescer, collapse, type Collapsed, type LiveEvent } from '../../events';

const EVENT_BATCH_MS = 400;
/** A stream the browser gave up on (an error answer, not a dropped connection) is opened again after this. */
const REOPEN_MS = 2000;

export interface LiveFeedListener {
  batch(c: Collapsed): void;
  /** Connected (again): what happened meanwhile must be read. */
  opened(): void;
  reconnecting(): void;
}

export class LiveFeed {
  private source: EventSource | null = null;
  private reopen: ReturnType<typeof setTimeout> | null = null;
  private closed = false;
  private readonly batcher: Coalescer<LiveEvent>;

  constructor(private readonly searchId: number, private readonly listener: LiveFeedListener) {
    this.batcher = new Coalescer<LiveEvent>((batch) => listener.batch(collapse(batch)), EVENT_BATCH_MS);
  }

  open(): void {
    this.closed = false;
    if (this.source || typeof EventSource === 'undefined') return;
    const source = new EventSource(api.eventsUrl(this.searchId));
    source.addEventListener('trial', (e) => this.batcher.push({ kind: 'trial', data: JSON.parse((e as MessageEvent).data) }));
    source.addEventListener('search', (e) => this.batcher.push({ kind: 'search', data: JSON.parse((e as MessageEvent).data) }));
    source.addEventListener('open', () => this.listener.opened());
    source.addEventListener('error', () => {
      if (this.source === source && source.readyState === EventSource.CLOSED) {
        // EventSource retries dropped connections by itself but not error answers: open a new one, whose
        // 'open' then reads what happened meanwhile.
        this.source = null;
        if (!this.closed && this.reopen === null) {
          this.reopen = setTimeout(() => {
            this.reopen = null;
            if (!this.closed) this.open();
          }, REOPEN_MS);
        }
      }
      this.listener.reconnecting();
    });
    this.source = source;
  }

  close(): void {
    this.closed = true;
    if (this.reopen !== null) clearTimeout(this.reopen);
    this.reopen = null;
    this.source?.close();
    this.source = null;
  }

  dispose(): void {
    this.close();
    this.batcher.dispose();
  }
}
