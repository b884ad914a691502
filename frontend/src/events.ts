// Live updates: server-sent events arrive in bursts (every epoch of every trial); they are collapsed and
// applied at most a few times per second, so thousands of trials never mean thousands of redraws.

import type { SearchStatus, TrialRow, TrialStatus } from './api';

export interface TrialEvent {
  searchId: number;
  trialId: number;
  number: number;
  status: TrialStatus;
  epoch: number | null;
}

export interface SearchEvent {
  searchId: number;
  status: SearchStatus;
}

export type LiveEvent = { kind: 'trial'; data: TrialEvent } | { kind: 'search'; data: SearchEvent };

export interface Collapsed {
  /** The latest event per trial, in order of first appearance. */
  trials: TrialEvent[];
  /** The latest search status, if any arrived. */
  search: SearchStatus | null;
  /** Whether a trial reached a terminal state (the ranking and the charts may have changed). */
  anyFinished: boolean;
  /** Whether a trial changed status (started, finished), as opposed to only reporting an epoch. */
  statusChanged: boolean;
}

const TERMINAL: ReadonlySet<TrialStatus> = new Set(['COMPLETED', 'DIVERGED', 'FAILED', 'CANCELLED', 'PRUNED']);

export function isTerminal(s: TrialStatus): boolean {
  return TERMINAL.has(s);
}

/**
 * Collapses a batch to its net effect. A trial's terminal state is never overwritten by a late epoch
 * event, and the highest epoch seen is kept.
 */
export function collapse(events: LiveEvent[]): Collapsed {
  const byTrial = new Map<number, TrialEvent>();
  let search: SearchStatus | null = null;
  let anyFinished = false;
  let statusChanged = false;
  for (const e of events) {
    if (e.kind === 'search') {
      search = e.data.status;
      continue;
    }
    const t = e.data;
    if (isTerminal(t.status)) anyFinished = true;
    if (t.epoch === null || t.epoch === undefined) statusChanged = true;
    const prev = byTrial.get(t.trialId);
    if (!prev) {
      byTrial.set(t.trialId, { ...t, epoch: t.epoch ?? null });
      continue;
    }
    const status = isTerminal(prev.status) && !isTerminal(t.status) ? prev.status : t.status;
    const epoch = Math.max(prev.epoch ?? -Infinity, t.epoch ?? -Infinity);
    byTrial.set(t.trialId, { ...prev, status, epoch: Number.isFinite(epoch) ? epoch : null });
  }
  return { trials: [...byTrial.values()], search, anyFinished, statusChanged };
}

/**
 * Applies collapsed trial events to the rows on screen: their status and epoch count move on at once,
 * before the next fetch brings the metrics. Returns new rows (unchanged ones kept by identity) and
 * whether anything changed.
 */
export function applyToRows(rows: TrialRow[], c: Collapsed): { rows: TrialRow[]; changed: boolean } {
  if (c.trials.length === 0) return { rows, changed: false };
  const byId = new Map(c.trials.map((t) => [t.trialId, t]));
  let changed = false;
  const out = rows.map((r) => {
    const e = byId.get(r.id);
    if (!e) return r;
    if (isTerminal(r.status)) return r; // finished rows are immutable
    const epochsRun = e.epoch !== null ? Math.max(r.epochsRun ?? 0, e.epoch) : r.epochsRun;
    if (e.status === r.status && epochsRun === r.epochsRun) return r;
    changed = true;
    return { ...r, status: e.status, epochsRun };
  });
  return { rows: out, changed };
}

export interface Timers {
  now(): number;
  setTimeout(fn: () => void, ms: number): unknown;
  clearTimeout(handle: unknown): void;
}

const realTimers: Timers = {
  now: () => Date.now(),
  setTimeout: (fn, ms) => setTimeout(fn, ms),
  clearTimeout: (h) => clearTimeout(h as ReturnType<typeof setTimeout>),
};

/**
 * Buffers items and hands them over in batches, at most once per interval: the first item after a
 * quiet spell is delivered at once, the rest of a burst together when the interval has passed.
 */
export class Coalescer<T> {
  private buffer: T[] = [];
  private handle: unknown = null;
  private last = -Infinity;

  constructor(
    private readonly flush: (batch: T[]) => void,
    private readonly intervalMs: number,
    private readonly timers: Timers = realTimers,
  ) {}

  push(item: T): void {
    this.buffer.push(item);
    if (this.handle !== null) return;
    const wait = Math.max(0, this.last + this.intervalMs - this.timers.now());
    this.handle = this.timers.setTimeout(() => this.deliver(), wait);
  }

  /** Delivers what is buffered now (e.g. before closing). */
  drain(): void {
    if (this.handle !== null) this.timers.clearTimeout(this.handle);
    this.deliver();
  }

  dispose(): void {
    if (this.handle !== null) this.timers.clearTimeout(this.handle);
    this.handle = null;
    this.buffer = [];
  }

  private deliver(): void {
    this.handle = null;
    if (this.buffer.length === 0) return;
    const batch = this.buffer;
    this.buffer = [];
    this.last = this.timers.now();
    this.flush(batch);
  }
}

/**
 * Runs an async task at most once per interval and never twice at once; calls while it runs or waits
 * are merged into one later run.
 */
export class Throttle {
  private running = false;
  private pending = false;
  private handle: unknown = null;
  private last = -Infinity;

  constructor(
    private readonly task: () => Promise<void>,
    private readonly intervalMs: number,
    private readonly timers: Timers = realTimers,
  ) {}

  request(): void {
    this.pending = true;
    this.schedule();
  }

  dispose(): void {
    if (this.handle !== null) this.timers.clearTimeout(this.handle);
    this.handle = null;
    this.pending = false;
  }

  private schedule(): void {
    if (this.running || this.handle !== null || !this.pending) return;
    const wait = Math.max(0, this.last + this.intervalMs - this.timers.now());
    this.handle = this.timers.setTimeout(() => {
      this.handle = null;
      void this.run();
    }, wait);
  }

  private async run(): Promise<void> {
    this.pending = false;
    this.running = true;
    this.last = this.timers.now();
    try {
      await this.task();
    } catch {
      // the next request retries
    } finally {
      this.running = false;
      this.schedule();
    }
  }
}
