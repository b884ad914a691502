// The search space, one row per parameter of the server's catalogue: left to its default, fixed, a
// choice of values, or a range (numeric parameters), with the inputs each of those needs. The layers' own
// widths (units1..) fold under hiddenLayers; a parameter that cannot apply as the form stands (momentum
// without the momentum optimizer, units3 with at most 2 layers) is greyed out with its condition.
import { isNumeric, optionsOf, type ParameterInfo } from '../../catalogue';
import { clear, h } from '../../dom';
import { formatParam } from '../../format';
import { mayApply, parameterRows, type ParameterRow } from '../../formModel';
import type { ParamForm, ParamMode } from '../../paramForm';
import { emptyParam } from '../../paramForm';
import type { SpecForm } from '../../spec';

export class ParameterEditor {
  readonly el = h('div', { className: 'params', role: 'group', 'aria-label': 'Search space' });

  private readonly rows: ParameterRow[];
  private readonly onChange: () => void;
  /** Rows of conditional parameters, refreshed (greyed out or not) on every change. */
  private conditional: { row: ParameterRow; el: HTMLElement }[] = [];
  private form: SpecForm | null = null;

  constructor(private readonly parameters: ParameterInfo[], onChange: () => void) {
    this.rows = parameterRows(parameters);
    this.onChange = () => {
      this.refresh();
      onChange();
    };
  }

  render(form: SpecForm): void {
    clear(this.el);
    this.form = form;
    this.conditional = [];
    const layers = this.rows.filter((r) => r.layer !== null);
    const fold = h('details', { className: 'layer-widths', 'data-slot': 'space.layerWidths' },
      h('summary', {}, `Per-layer widths (units1..units${layers.length}): a layer without one takes hiddenUnits`));
    for (const r of this.rows) {
      form.params[r.parameter.name] ??= emptyParam(r.parameter);
      const f = form.params[r.parameter.name];
      const el = this.row(r, f);
      if (r.condition) this.conditional.push({ row: r, el });
      if (r.layer === null) {
        this.el.append(el);
        continue;
      }
      if (fold.parentElement !== this.el) this.el.append(fold);
      fold.append(el);
      if (f.mode !== 'default') fold.open = true;
    }
    this.refresh();
    const extra = Object.keys(form.extraSpace);
    if (extra.length) {
      this.el.append(h('p', { className: 'hint', 'data-slot': 'space.extra' }, `Also in the spec (no editor): ${extra.join(', ')}`));
    }
  }

  /** Greys out the parameters that cannot apply as the form stands, saying when they would. */
  private refresh(): void {
    const form = this.form;
    if (!form) return;
    for (const { row, el } of this.conditional) {
      const applies = mayApply(row.parameter, form.params, this.parameters);
      el.classList.toggle('inactive', !applies);
      const note = el.querySelector('.condition-note');
      if (note) note.textContent = applies ? '' : `not applicable unless ${row.condition}`;
    }
  }

  private row({ parameter: p, label, hint, modes }: ParameterRow, f: ParamForm): HTMLElement {
    const base = `space.${p.name}`;
    const id = `p-${p.name}`;
    const modeSel = h('select', { id: `${id}-mode`, 'aria-label': `${label}: how it varies` }, ...modes.map((m) => h('option', { value: m }, m)));
    modeSel.value = f.mode;
    const values = h('div', { className: 'values' });
    const row = h('div', { className: `param mode-${f.mode}`, 'data-param': p.name, 'data-slot': base },
      h('div', { className: 'param-name' }, h('label', { for: `${id}-mode` }, label), h('code', {}, p.name), h('span', { className: 'hint' }, hint),
        h('span', { className: 'condition-note' })),
      modeSel, values,
      h('span', { className: 'field-error', id: `err-${base}` }));
    const fill = () => {
      clear(values);
      values.append(...this.inputs(p, f, id, base, label));
    };
    modeSel.addEventListener('change', () => {
      f.mode = modeSel.value as ParamMode;
      // A range over a parameter usually searched on a log scale starts as one.
      if (f.mode === 'range' && p.logScale && f.min === '' && f.max === '') f.log = true;
      row.classList.remove(...[...row.classList].filter((c) => c.startsWith('mode-')));
      row.classList.add(`mode-${f.mode}`);
      fill();
      this.onChange();
    });
    fill();
    return row;
  }

  /** The inputs of a parameter's current mode. */
  private inputs(p: ParameterInfo, f: ParamForm, id: string, base: string, label: string): HTMLElement[] {
    const changed = this.onChange;
    const text = (key: 'fixed' | 'choiceText' | 'min' | 'max' | 'step' | 'points', what: string, dataField: string, attrs: Record<string, string> = {}) => {
      const el = h('input', { type: 'text', id: `${id}-${key}`, 'data-field': dataField, 'aria-label': `${label} ${what}`, ...attrs });
      el.value = f[key];
      el.addEventListener('input', () => {
        f[key] = el.value;
        changed();
      });
      return h('label', { className: 'inline' }, h('span', {}, what), el);
    };
    const options = optionsOf(p);
    switch (f.mode) {
      case 'default':
        return [h('span', { className: 'muted' }, p.default === null ? 'default: hiddenUnits' : `default: ${formatParam(p.default)}`)];
      case 'fixed': {
        if (isNumeric(p)) return [text('fixed', 'value', base, { inputmode: 'decimal' })];
        const sel = h('select', { id: `${id}-fixed`, 'data-field': base, 'aria-label': `${label} value` }, ...options.map((o) => h('option', { value: o }, o)));
        if (!options.includes(f.fixed)) f.fixed = String(p.default);
        sel.value = f.fixed;
        sel.addEventListener('change', () => {
          f.fixed = sel.value;
          changed();
        });
        return [sel];
      }
      case 'choice': {
        if (isNumeric(p)) return [text('choiceText', 'values', `${base}.choice`, { placeholder: 'e.g. 16, 32, 64' })];
        const group = h('div', { className: 'checks', role: 'group', 'aria-label': `${label} choices`, 'data-field': `${base}.choice` });
        const boxes = options.map((o, i) => h('input', { type: 'checkbox', id: `${id}-c${i}`, value: o, checked: f.choiceSet.includes(o) }));
        boxes.forEach((cb, i) => {
          cb.addEventListener('change', () => {
            f.choiceSet = options.filter((_, j) => boxes[j].checked);
            changed();
          });
          group.append(h('label', { className: 'check' }, cb, options[i]));
        });
        return [group];
      }
      case 'range': {
        const at = `${base}.${p.type === 'int' ? 'intRange' : 'floatRange'}`;
        const bounds = [text('min', 'min', `${at}.min`, { inputmode: 'decimal' }), text('max', 'max', `${at}.max`, { inputmode: 'decimal' })];
        if (p.type === 'int') return [...bounds, text('step', 'step', `${at}.step`, { inputmode: 'numeric', placeholder: '1' })];
        const log = h('input', { type: 'checkbox', id: `${id}-log`, 'data-field': `${at}.log`, checked: f.log });
        log.addEventListener('change', () => {
          f.log = log.checked;
          changed();
        });
        return [...bounds, h('label', { className: 'check' }, log, 'log scale'),
          text('points', 'grid points', `${at}.points`, { inputmode: 'numeric', placeholder: 'for grid' })];
      }
    }
  }
}
