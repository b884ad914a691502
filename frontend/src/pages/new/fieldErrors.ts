// The server's validation errors beside the inputs they name: each error goes to the input whose
// data-field is the longest prefix of its field, and its message to the nearest enclosing data-slot.
import type { FieldError } from '../../api';
import { h } from '../../dom';
import { errorTarget } from '../../spec';

export function clearFieldErrors(root: HTMLElement): void {
  root.querySelectorAll('.field-error').forEach((e) => (e.textContent = ''));
  root.querySelectorAll('[aria-invalid="true"]').forEach((e) => e.removeAttribute('aria-invalid'));
  root.querySelectorAll('.has-error').forEach((e) => e.classList.remove('has-error'));
}

function byData(within: HTMLElement, key: 'field' | 'slot'): Map<string, HTMLElement> {
  const out = new Map<string, HTMLElement>();
  within.querySelectorAll<HTMLElement>(`[data-${key}]`).forEach((el) => {
    const k = el.dataset[key];
    if (k) out.set(k, el);
  });
  return out;
}

/** Places each error within `within`; returns the ones that have no place there, as text. */
export function placeFieldErrors(errors: FieldError[], within: HTMLElement): string[] {
  const inputs = byData(within, 'field');
  const slots = byData(within, 'slot');
  const unplaced: string[] = [];
  for (const e of errors) {
    const inputKey = errorTarget(e.field, inputs.keys());
    const slotKey = errorTarget(e.field, slots.keys());
    const input = inputKey ? inputs.get(inputKey)! : null;
    const slot = slotKey ? slots.get(slotKey)! : null;
    if (input) input.setAttribute('aria-invalid', 'true');
    const msgHost = slot?.querySelector<HTMLElement>(':scope > .field-error');
    if (!slot || !msgHost) {
      unplaced.push(`${e.field ? `${e.field}: ` : ''}${e.message}`);
      continue;
    }
    slot.classList.add('has-error');
    const rel = e.field.length > slotKey!.length ? e.field.slice(slotKey!.length).replace(/^\./, '') : '';
    msgHost.append(h('span', { className: 'msg', 'data-error-field': e.field }, rel ? `${rel}: ${e.message}` : e.message));
    if (input) {
      msgHost.id ||= `err-${Math.random().toString(36).slice(2)}`;
      input.setAttribute('aria-describedby', msgHost.id);
    }
  }
  return unplaced;
}
