// The REST API's shapes and a thin fetch layer. Errors come back as RFC 9457 problem+json.

export const TRIAL_STATUSES = ['QUEUED', 'RUNNING', 'COMPLETED', 'DIVERGED', 'FAILED', 'CANCELLED', 'PRUNED'] as const;
export type TrialStatus = (typeof TRIAL_STATUSES)[number];
export type SearchStatus = 'RUNNING' | 'COMPLETED' | 'CANCELLED' | 'FAILED';

export interface Progress {
  total: number;
  finished: number;
  running: number;
  queued: number;
  /** How many trials the search will run in all: above total while coarse-to-fine stages are still to come. */
  budget?: number;
  byStatus: Partial<Record<TrialStatus, number>>;
}

export interface BestTrial {
  trialId: number;
  number: number;
  valLoss: number | null;
  valAccuracy: number | null;
}

export interface SearchSummary {
  id: number;
  name: string;
  dataset: string;
  strategy: string;
  status: SearchStatus;
  createdAt: string;
  finishedAt: string | null;
  message: string | null;
  progress: Progress;
  best: BestTrial | null;
}

export interface StageInfo {
  stage: number;
  firstTrial: number;
  trialCount: number;
  space: Record<string, unknown>;
}

export interface SanityCheck {
  passed: boolean;
  failedCheck: string | null;
  initialLoss: number | null;
  expectedInitialLoss: number | null;
  finalTrainLoss: number | null;
  message: string | null;
}

export interface SearchDetail extends SearchSummary {
  spec: Record<string, unknown>;
  stages?: StageInfo[];
  sanityCheck?: SanityCheck | null;
  parameters?: { name: string; varying: boolean; axis: 'value' | 'log' | 'category'; categories: string[] | null; fixed: unknown }[];
  rungEpochs?: number[];
}

export interface Pruning {
  rule: string;
  epoch: number;
  rung: number | null;
  value: number | null;
  threshold: number | null;
  reason: string | null;
}

export interface CrossValidation {
  folds: number;
  meanValLoss: number | null;
  stdValLoss: number | null;
  meanValAccuracy: number | null;
  stdValAccuracy: number | null;
}

export type Params = Record<string, unknown>;

export interface TrialRow {
  id: number;
  number: number;
  status: TrialStatus;
  params: Params;
  valLoss: number | null;
  bestValLoss: number | null;
  bestEpoch: number | null;
  valAccuracy: number | null;
  trainLoss: number | null;
  epochsRun: number | null;
  durationMs: number | null;
  attempt: number;
  workerId: string | null;
  error: string | null;
  stage?: number | null;
  pruning?: Pruning | null;
  crossValidation?: CrossValidation | null;
}

export interface CurvePoint {
  epoch: number;
  trainLoss: number | null;
  valLoss: number | null;
  valAccuracy: number | null;
  elapsedMs: number | null;
}

export interface TrialDetail extends TrialRow {
  searchId: number;
  queuedAt: string | null;
  startedAt: string | null;
  finishedAt: string | null;
  leaseExpiresAt?: string | null;
  curve: CurvePoint[];
  foldCurves?: { fold: number; curve: CurvePoint[] }[];
  rungEpochs?: number[];
}

export interface Page<T> {
  items: T[];
  page: number;
  size: number;
  totalElements: number;
  totalPages: number;
}

export interface PreviewResponse {
  trialCount: number;
  totalEpochs: number;
  seed?: number;
  firstTrials: { number: number; params: Params }[];
}

export interface DatasetInfo {
  name: string;
  builtin: boolean;
  task: string;
  rows: number;
  features: number;
  classes: number | null;
}

/** Server-side chart aggregates: GET /api/searches/{id}/charts. */
export interface ChartData {
  /** Finished trials with a loss, by status. */
  finished: number;
  /** [trial number, best val loss so far]: the steps where the best improved, plus the last trial. */
  bestSoFar: [number, number][];
  /** A sample of trials that have a val loss (the best ones always included). */
  sample: { id: number; number: number; valLoss: number; valAccuracy: number | null; params: Params }[];
  sampled: boolean;
  /** Top-k completed trials by val loss (and any requested ones) with their learning curves. */
  curves: { id: number; number: number; valLoss: number | null; points: CurvePoint[] }[];
}

export interface FieldError {
  field: string;
  message: string;
}

/** A non-2xx answer; problem+json bodies fill title, detail and errors. */
export class ApiError extends Error {
  constructor(
    readonly status: number,
    readonly title: string,
    readonly detail: string,
    readonly errors: FieldError[],
  ) {
    super(detail || title || `HTTP ${status}`);
  }
}

/** Reads a page in either shape the server may use (items or Spring's content). */
export function normalizePage<T>(raw: unknown): Page<T> {
  const r = raw as Record<string, unknown>;
  const items = (r.items ?? r.content ?? []) as T[];
  return {
    items,
    page: Number(r.page ?? r.number ?? 0),
    size: Number(r.size ?? items.length),
    totalElements: Number(r.totalElements ?? items.length),
    totalPages: Number(r.totalPages ?? 1),
  };
}

export async function toApiError(res: Response): Promise<ApiError> {
  let body: Record<string, unknown> = {};
  try {
    body = (await res.json()) as Record<string, unknown>;
  } catch {
    // not JSON: keep the status line
  }
  const errors = Array.isArray(body.errors)
    ? (body.errors as unknown[]).map((e) => {
        const o = e as Record<string, unknown>;
        return { field: String(o.field ?? ''), message: String(o.message ?? '') };
      })
    : [];
  return new ApiError(res.status, String(body.title ?? res.statusText), String(body.detail ?? ''), errors);
}

async function request<T>(method: string, url: string, body?: unknown, signal?: AbortSignal): Promise<T> {
  const init: RequestInit = { method, signal, headers: { Accept: 'application/json' } };
  if (body instanceof FormData) {
    init.body = body;
  } else if (body !== undefined) {
    init.body = JSON.stringify(body);
    (init.headers as Record<string, string>)['Content-Type'] = 'application/json';
  }
  const res = await fetch(url, init);
  if (!res.ok) {
    throw await toApiError(res);
  }
  if (res.status === 204) {
    return undefined as T;
  }
  return (await res.json()) as T;
}

export interface LeaderboardParams {
  sort: string;
  dir: 'asc' | 'desc';
  status: TrialStatus[];
  page: number;
  size: number;
}

export function leaderboardUrl(searchId: number, q: LeaderboardParams): string {
  const p = new URLSearchParams({ sort: q.sort, dir: q.dir, page: String(q.page), size: String(q.size) });
  if (q.status.length > 0) {
    p.set('status', q.status.join(','));
  }
  return `/api/searches/${searchId}/trials?${p}`;
}

export const api = {
  searches: async (page = 0, size = 20, signal?: AbortSignal) =>
    normalizePage<SearchSummary>(await request('GET', `/api/searches?page=${page}&size=${size}`, undefined, signal)),
  search: (id: number, signal?: AbortSignal) => request<SearchDetail>('GET', `/api/searches/${id}`, undefined, signal),
  submit: (spec: unknown) => request<SearchSummary>('POST', '/api/searches', spec),
  preview: (spec: unknown, signal?: AbortSignal) =>
    request<PreviewResponse>('POST', '/api/searches/preview', spec, signal),
  cancel: (id: number) => request<SearchSummary>('POST', `/api/searches/${id}/cancel`),
  trials: async (id: number, q: LeaderboardParams, signal?: AbortSignal) =>
    normalizePage<TrialRow>(await request('GET', leaderboardUrl(id, q), undefined, signal)),
  trial: (id: number, signal?: AbortSignal) => request<TrialDetail>('GET', `/api/trials/${id}`, undefined, signal),
  charts: (id: number, topK: number, extra: number[], signal?: AbortSignal) => {
    const p = new URLSearchParams({ topK: String(topK) });
    if (extra.length > 0) {
      p.set('trials', extra.join(','));
    }
    return request<ChartData>('GET', `/api/searches/${id}/charts?${p}`, undefined, signal);
  },
  datasets: () => request<DatasetInfo[]>('GET', '/api/datasets'),
  uploadDataset: (form: FormData) => request<DatasetInfo>('POST', '/api/datasets', form),
  csvUrl: (id: number) => `/api/searches/${id}/trials.csv`,
  eventsUrl: (id: number) => `/api/searches/${id}/events`,
};
