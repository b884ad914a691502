// The REST API's shapes and a thin fetch layer. Errors come back as RFC 9457 problem+json.
// Every shape is an alias of a type generated from the server's OpenAPI document (openapi.json, written by
// OpenApiDocumentIT from /v3/api-docs): a field renamed on the server breaks `tsc`, not a page.

import type { components } from './generated/api-schema';
import { importanceQuery, type ImportanceSettings } from './importanceSettings';

type Schemas = components['schemas'];

export type TrialStatus = Schemas['TrialStatus'];
export type SearchStatus = Schemas['SearchStatus'];

/** Every trial status, in lifecycle order; checked against the server's enum both ways. */
export const TRIAL_STATUSES = [
  'QUEUED',
  'RUNNING',
  'COMPLETED',
  'DIVERGED',
  'FAILED',
  'CANCELLED',
  'PRUNED',
] as const satisfies readonly TrialStatus[];
/** Fails to compile when the server has a status the list above lacks. */
export type MissingTrialStatus = Exclude<TrialStatus, (typeof TRIAL_STATUSES)[number]>;
const everyTrialStatusListed: [MissingTrialStatus] extends [never] ? true : never = true;
void everyTrialStatusListed;

/** Whether a search may still change: its sanity check is running (CHECKING) or its trials are (RUNNING). */
export function isActive(status: SearchStatus | null | undefined): boolean {
  return status === 'RUNNING' || status === 'CHECKING';
}

export type Progress = Schemas['Progress'];
export type BestTrial = Schemas['BestTrial'];
export type SearchSummary = Schemas['SearchSummary'];
export type StageInfo = Schemas['StageInfo'];
export type SanityCheck = Schemas['SanityCheck'];
export type SearchDetail = Schemas['SearchDetail'];
export type Pruning = Schemas['PruningInfo'];
export type CrossValidation = Schemas['CrossValidationInfo'];
export type TrialRow = Schemas['TrialRow'];
export type Params = TrialRow['params'];
/** One parameter's value by name: pages list parameters by the names the server gives, not by field. */
export function paramValue(params: Params | null | undefined, name: string): unknown {
  return params ? (params as unknown as Record<string, unknown>)[name] : undefined;
}
export type CurvePoint = Schemas['CurvePoint'];
export type TrialDetail = Schemas['TrialDetail'];
/** One page of a list; the server's page shape with items of type T. */
export type Page<T> = Omit<Schemas['PageResponseTrialRow'], 'items'> & { items: T[] };
export type PreviewResponse = Schemas['PreviewResponse'];
export type DatasetInfo = Schemas['DatasetInfo'];
export type ColumnInfo = Schemas['ColumnInfo'];
/** Server-side chart aggregates: GET /api/searches/{id}/charts. */
export type ChartData = Schemas['TrialCharts'];
/** Which hyperparameters matter: GET /api/searches/{id}/importance. */
export type Importance = Schemas['ParameterImportances'];
export type FieldError = Schemas['FieldError'];
/** A refitted model: GET /api/models/{id}. */
export type ModelResource = Schemas['ModelResource'];
export type PredictResponse = Schemas['PredictResponse'];
/** One row to predict: original columns by name, null for a missing value. */
export type PredictRow = Record<string, number | string | boolean | null>;
export type Problem = Schemas['Problem'];
/** A search spec as POST /api/searches and its preview accept it. */
export type SearchSpec = Schemas['SearchSpec'];
/** GET /api/parameters: the hyperparameters, strategies and pruners a spec may name. */
export type ParameterCatalog = Schemas['ParameterCatalog'];
export type ParameterInfo = Schemas['ParameterInfo'];
/** float, int, categorical or boolean. */
export type ValueType = Schemas['ValueType'];
export type OptionInfo = Schemas['OptionInfo'];
export type SettingInfo = Schemas['SettingInfo'];
/** GET /api/me: who the browser is signed in as. */
export type Me = Schemas['Me'];

const UNSAFE = new Set(['POST', 'PUT', 'PATCH', 'DELETE']);

/**
 * Spring Security's CSRF token for requests the session cookie authenticates: the server sets it in the
 * XSRF-TOKEN cookie (readable by this origin's scripts only) and checks it in X-XSRF-TOKEN.
 */
export function csrfHeader(cookie: string): Record<string, string> {
  const m = cookie.match(/(?:^|;\s*)XSRF-TOKEN=([^;]*)/);
  return m ? { 'X-XSRF-TOKEN': decodeURIComponent(m[1]) } : {};
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
  const headers: Record<string, string> = { Accept: 'application/json' };
  if (UNSAFE.has(method) && typeof document !== 'undefined') {
    Object.assign(headers, csrfHeader(document.cookie));
  }
  const init: RequestInit = { method, signal, headers, credentials: 'same-origin' };
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

/** `after`: the previous page's last trial number, so the server reads this page by keyset, not by offset. */
export function leaderboardUrl(searchId: number, q: LeaderboardParams, after?: number): string {
  const p = new URLSearchParams({ sort: q.sort, dir: q.dir, page: String(q.page), size: String(q.size) });
  if (q.status.length > 0) {
    p.set('status', q.status.join(','));
  }
  if (after !== undefined) {
    p.set('after', String(after));
  }
  return `/api/searches/${searchId}/trials?${p}`;
}

export const api = {
  me: () => request<Me>('GET', '/api/me'),
  /** Exchanges a token for the session cookie; the token is not kept by the page. */
  signIn: (token: string) => request<Me>('POST', '/api/session', { token }),
  signOut: () => request<void>('DELETE', '/api/session'),
  searches: async (page = 0, size = 20, signal?: AbortSignal) =>
    normalizePage<SearchSummary>(await request('GET', `/api/searches?page=${page}&size=${size}`, undefined, signal)),
  search: (id: number, signal?: AbortSignal) => request<SearchDetail>('GET', `/api/searches/${id}`, undefined, signal),
  submit: (spec: unknown) => request<SearchSummary>('POST', '/api/searches', spec),
  preview: (spec: unknown, signal?: AbortSignal) =>
    request<PreviewResponse>('POST', '/api/searches/preview', spec, signal),
  cancel: (id: number) => request<SearchSummary>('POST', `/api/searches/${id}/cancel`),
  trials: async (id: number, q: LeaderboardParams, signal?: AbortSignal, after?: number) =>
    normalizePage<TrialRow>(await request('GET', leaderboardUrl(id, q, after), undefined, signal)),
  trial: (id: number, signal?: AbortSignal) => request<TrialDetail>('GET', `/api/trials/${id}`, undefined, signal),
  charts: (id: number, topK: number, extra: number[], signal?: AbortSignal) => {
    const p = new URLSearchParams({ topK: String(topK) });
    if (extra.length > 0) {
      p.set('trials', extra.join(','));
    }
    return request<ChartData>('GET', `/api/searches/${id}/charts?${p}`, undefined, signal);
  },
  importance: (id: number, settings: ImportanceSettings, signal?: AbortSignal) =>
    request<Importance>('GET', `/api/searches/${id}/importance?${importanceQuery(settings)}`, undefined, signal),
  datasets: () => request<DatasetInfo[]>('GET', '/api/datasets'),
  parameters: (signal?: AbortSignal) => request<ParameterCatalog>('GET', '/api/parameters', undefined, signal),
  uploadDataset: (form: FormData) => request<DatasetInfo>('POST', '/api/datasets', form),
  modelOfSearch: (searchId: number) => request<ModelResource>('POST', `/api/searches/${searchId}/model`),
  modelOfTrial: (trialId: number) => request<ModelResource>('POST', `/api/trials/${trialId}/model`),
  models: (signal?: AbortSignal) => request<ModelResource[]>('GET', '/api/models', undefined, signal),
  model: (id: number, signal?: AbortSignal) => request<ModelResource>('GET', `/api/models/${id}`, undefined, signal),
  deleteModel: (id: number) => request<void>('DELETE', `/api/models/${id}`),
  predict: (id: number, rows: PredictRow[]) => request<PredictResponse>('POST', `/api/models/${id}/predict`, { rows }),
  onnxUrl: (id: number) => `/api/models/${id}/model.onnx`,
  csvUrl: (id: number) => `/api/searches/${id}/trials.csv`,
  eventsUrl: (id: number) => `/api/searches/${id}/events`,
};
