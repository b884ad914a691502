// Number, time and parameter formatting for tables and charts.

const DASH = '—';

/** A loss with 4 significant digits; tiny or huge values in exponent form. */
export function formatLoss(v: number | null | undefined): string {
  if (v === null || v === undefined) return DASH;
  if (!Number.isFinite(v)) return v > 0 ? '∞' : v < 0 ? '-∞' : 'NaN';
  if (v === 0) return '0';
  const a = Math.abs(v);
  if (a < 1e-3 || a >= 1e5) return v.toExponential(3).replace('e+', 'e');
  return Number(v.toPrecision(4)).toString();
}

/** An accuracy in [0, 1] as a percentage with one decimal. */
export function formatPercent(v: number | null | undefined): string {
  if (v === null || v === undefined || !Number.isFinite(v)) return DASH;
  return `${(v * 100).toFixed(1)}%`;
}

export function formatDuration(ms: number | null | undefined): string {
  if (ms === null || ms === undefined || !Number.isFinite(ms)) return DASH;
  if (ms < 1000) return `${Math.round(ms)} ms`;
  const s = ms / 1000;
  if (s < 60) return `${s.toFixed(s < 10 ? 2 : 1)} s`;
  const totalS = Math.round(s);
  const m = Math.floor(totalS / 60);
  if (m < 60) return `${m} min ${String(totalS % 60).padStart(2, '0')} s`;
  const h = Math.floor(m / 60);
  return `${h} h ${String(m % 60).padStart(2, '0')} min`;
}

/** How long ago an ISO instant was, coarsely ("just now", "5 s ago", "3 min ago", "2 h ago", "4 d ago"). */
export function formatAge(iso: string | null | undefined, now: number = Date.now()): string {
  if (!iso) return DASH;
  const t = Date.parse(iso);
  if (Number.isNaN(t)) return DASH;
  const s = Math.max(0, Math.floor((now - t) / 1000));
  if (s < 5) return 'just now';
  if (s < 60) return `${s} s ago`;
  const m = Math.floor(s / 60);
  if (m < 60) return `${m} min ago`;
  const h = Math.floor(m / 60);
  if (h < 48) return `${h} h ago`;
  return `${Math.floor(h / 24)} d ago`;
}

export function formatTime(iso: string | null | undefined): string {
  if (!iso) return DASH;
  const d = new Date(iso);
  return Number.isNaN(d.getTime()) ? DASH : d.toLocaleString();
}

/** A parameter value compactly: 4 significant digits, exponent form for small magnitudes. */
/** A trial's parameter as a table shows it: "n/a" when it did not apply to the trial (null or absent). */
export function formatTrialParam(v: unknown): string {
  return v === null || v === undefined ? 'n/a' : formatParam(v);
}

export function formatParam(v: unknown): string {
  if (v === null || v === undefined) return DASH;
  if (typeof v === 'number') {
    if (Number.isInteger(v)) return String(v);
    const a = Math.abs(v);
    if (a !== 0 && (a < 1e-3 || a >= 1e6)) return v.toExponential(2).replace('e+', 'e');
    return Number(v.toPrecision(4)).toString();
  }
  return String(v);
}

export function formatCount(n: number): string {
  return n.toLocaleString('en-US');
}

/** Escapes text for insertion into HTML. */
export function esc(v: unknown): string {
  return String(v ?? '')
    .replace(/&/g, '&amp;')
    .replace(/</g, '&lt;')
    .replace(/>/g, '&gt;')
    .replace(/"/g, '&quot;')
    .replace(/'/g, '&#39;');
}
