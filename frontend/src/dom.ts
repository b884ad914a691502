// Small DOM helpers: plain elements, no framework.

type Attrs = Record<string, string | number | boolean | null | undefined | EventListener>;

export function h<K extends keyof HTMLElementTagNameMap>(
  tag: K,
  attrs: Attrs = {},
  ...children: (Node | string | null | undefined | false)[]
): HTMLElementTagNameMap[K] {
  const el = document.createElement(tag);
  for (const [k, v] of Object.entries(attrs)) {
    if (v === null || v === undefined || v === false) continue;
    if (k.startsWith('on') && typeof v === 'function') {
      el.addEventListener(k.slice(2).toLowerCase(), v as EventListener);
    } else if (k === 'className') {
      el.className = String(v);
    } else if (v === true) {
      el.setAttribute(k, '');
    } else {
      el.setAttribute(k, String(v));
    }
  }
  for (const c of children) {
    if (c === null || c === undefined || c === false) continue;
    el.append(typeof c === 'string' ? document.createTextNode(c) : c);
  }
  return el;
}

export function clear(el: Element): void {
  while (el.firstChild) el.removeChild(el.firstChild);
}

/** A page's lifecycle: set up on navigation, torn down on leaving; update() handles query-only changes. */
export interface PageHandle {
  dispose(): void;
  update?(query: URLSearchParams): boolean;
}

export function statusBadge(status: string): HTMLElement {
  return h('span', { className: `badge st-${status.toLowerCase()}` }, status);
}

export function statusBadgeHtml(status: string): string {
  return `<span class="badge st-${status.toLowerCase()}">${status}</span>`;
}

export function announce(text: string): void {
  const live = document.getElementById('live-region');
  if (live) live.textContent = text;
}
