// The whole spec as JSON text, for pasting or editing by hand; the server's errors are listed under it
// with their field paths.
import type { FieldError } from '../../api';
import { clear, h } from '../../dom';
import { parseSpecText } from '../../spec';

export class SpecJsonEditor {
  private readonly area = h('textarea', { id: 'spec-json', rows: 24, spellcheck: 'false', 'aria-label': 'Search spec as JSON', 'data-field': '' });
  private readonly errors = h('ul', { className: 'json-errors', 'aria-live': 'polite' });
  readonly el = h('div', { className: 'json-editor', hidden: true },
    h('p', { className: 'hint' }, 'Paste or edit the whole spec; switch back to Form to edit it field by field.'),
    this.area, this.errors);

  constructor(onInput: () => void) {
    this.area.addEventListener('input', onInput);
  }

  show(spec: Record<string, unknown>): void {
    this.area.value = JSON.stringify(spec, null, 2);
  }

  /** The spec as typed; null, with the reason listed, when it is not a JSON object. */
  spec(): Record<string, unknown> | null {
    const parsed = parseSpecText(this.area.value);
    if ('error' in parsed) {
      this.showErrors([{ field: '', message: parsed.error }]);
      return null;
    }
    return parsed.spec;
  }

  showErrors(errors: FieldError[]): void {
    clear(this.errors);
    for (const e of errors) {
      this.errors.append(h('li', { className: 'field-error' }, e.field ? h('code', {}, e.field) : null, e.field ? ': ' : '', e.message));
    }
    this.area.setAttribute('aria-invalid', errors.length ? 'true' : 'false');
  }

  focus(): void {
    this.area.focus();
  }

  clearErrors(): void {
    clear(this.errors);
  }
}
