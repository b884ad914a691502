// The "Search" section of the new-search form, built from one field table: each field's input, label,
// hint and error slot, and how it is written from and read into the form state.
import type { DatasetInfo } from '../../api';
import type { Catalogue, ChoiceInfo } from '../../catalogue';
import { clear, h } from '../../dom';
import { formatCount } from '../../format';
import type { SpecForm } from '../../spec';

type FieldKey = 'name' | 'dataset' | 'strategy' | 'maxTrials' | 'seed' | 'validationFraction' | 'maxFailedTrials' | 'pruner' | 'folds' | 'sanityCheck';

interface FieldDef {
  key: FieldKey;
  kind: 'text' | 'select' | 'check';
  label: string;
  hint?: string;
  placeholder?: string;
  inputmode?: 'numeric' | 'decimal';
  /** The spec path the server names in its errors, when not the key. */
  path?: string;
  /** Where errors about the field's enclosing object land ("validation" errors name the object, not its key). */
  slot?: string;
}

export const SEARCH_FIELDS: FieldDef[] = [
  { key: 'name', kind: 'text', label: 'Name' },
  { key: 'dataset', kind: 'select', label: 'Dataset' },
  { key: 'strategy', kind: 'select', label: 'Strategy', hint: 'random draws trials; grid enumerates every combination; tpe learns from the trials finished so far' },
  { key: 'maxTrials', kind: 'text', inputmode: 'numeric', label: 'Max trials', hint: 'required for random and tpe; optional cap for grid' },
  { key: 'seed', kind: 'text', inputmode: 'numeric', label: 'Seed', hint: 'same seed, same trials' },
  { key: 'validationFraction', kind: 'text', inputmode: 'decimal', label: 'Validation fraction', placeholder: '0.2' },
  { key: 'maxFailedTrials', kind: 'text', inputmode: 'numeric', label: 'Max failed trials', placeholder: 'no limit', hint: 'stop the search after this many diverge or fail' },
  { key: 'pruner', kind: 'select', label: 'Pruner', hint: 'stop unpromising trials early' },
  { key: 'folds', kind: 'text', inputmode: 'numeric', label: 'Cross-validation folds', placeholder: 'holdout', hint: 'instead of a holdout', path: 'validation.folds', slot: 'validation' },
  { key: 'sanityCheck', kind: 'check', label: 'Sanity check first', hint: 'a quick trainability check before the search' },
];

type Input = HTMLInputElement | HTMLSelectElement;

/** A labelled input with its hint and the slot where the server's errors about it appear. */
export function field(label: string, input: Input, hint?: string, slot = input.dataset.field ?? ''): HTMLElement {
  return h('div', { className: 'field', 'data-slot': slot },
    h('label', { for: input.id }, label), input,
    hint ? h('span', { className: 'hint' }, hint) : null,
    h('span', { className: 'field-error', id: `err-${input.id}` }));
}

function checkField(def: FieldDef, input: HTMLInputElement): HTMLElement {
  return h('div', { className: 'field check-field', 'data-slot': def.key },
    h('label', { className: 'check', for: input.id }, input, def.label),
    def.hint ? h('span', { className: 'hint' }, def.hint) : null,
    h('span', { className: 'field-error', id: `err-${input.id}` }));
}

function choiceOptions(select: HTMLSelectElement, choices: ChoiceInfo[]): void {
  for (const c of choices) select.append(h('option', { value: c.name, title: c.description }, c.name));
}

export class SearchFields {
  private readonly inputs = new Map<FieldKey, Input>();
  readonly el: HTMLFieldSetElement;

  /** onChange: any field changed (the preview follows). */
  constructor(private readonly catalogue: Catalogue, onChange: () => void) {
    this.el = h('fieldset', { className: 'basics' }, h('legend', {}, 'Search'));
    for (const def of SEARCH_FIELDS) {
      const attrs = { id: `f-${def.key}`, 'data-field': def.path ?? def.key };
      const input = def.kind === 'select'
        ? h('select', attrs)
        : h('input', { ...attrs, type: def.kind === 'check' ? 'checkbox' : 'text', inputmode: def.inputmode, placeholder: def.placeholder,
          autocomplete: def.key === 'name' ? 'off' : undefined, required: def.key === 'name' });
      input.addEventListener(def.kind === 'text' ? 'input' : 'change', onChange);
      this.inputs.set(def.key, input);
      this.el.append(def.kind === 'check' ? checkField(def, input as HTMLInputElement) : field(def.label, input, def.hint, def.slot));
    }
    choiceOptions(this.select('strategy'), catalogue.strategies);
    this.select('pruner').append(h('option', { value: '' }, 'default'));
    choiceOptions(this.select('pruner'), catalogue.pruners);
  }

  /** The chosen strategy and pruner, as selected now. */
  get strategy(): string {
    return this.select('strategy').value;
  }

  get pruner(): string {
    return this.select('pruner').value;
  }

  private select(key: FieldKey): HTMLSelectElement {
    return this.inputs.get(key) as HTMLSelectElement;
  }

  write(form: SpecForm, datasets: DatasetInfo[]): void {
    const strategy = this.select('strategy');
    if (![...strategy.options].some((o) => o.value === form.strategy)) strategy.append(h('option', { value: form.strategy }, form.strategy));
    for (const def of SEARCH_FIELDS) {
      const input = this.inputs.get(def.key)!;
      if (def.kind === 'check') (input as HTMLInputElement).checked = form[def.key] as boolean;
      else if (def.key !== 'dataset') input.value = form[def.key] as string;
    }
    if (!this.catalogue.pruners.some((p) => p.name === form.pruner)) this.select('pruner').value = '';
    this.fillDatasets(form.dataset, datasets);
  }

  read(form: SpecForm): void {
    for (const def of SEARCH_FIELDS) {
      const input = this.inputs.get(def.key)!;
      if (def.kind === 'check') form.sanityCheck = (input as HTMLInputElement).checked;
      else (form as unknown as Record<string, string>)[def.key] = input.value;
    }
  }

  /** Built-in and uploaded datasets; a dataset the list does not know (a pasted spec's) stays selectable. */
  fillDatasets(selected: string, datasets: DatasetInfo[]): void {
    const select = this.select('dataset');
    clear(select);
    if (selected && !datasets.some((d) => d.name === selected)) select.append(h('option', { value: selected }, selected));
    const builtin = h('optgroup', { label: 'Built-in' });
    const uploaded = h('optgroup', { label: 'Uploaded' });
    for (const d of datasets) {
      const desc = `${d.name} — ${d.task}, ${formatCount(d.rows)} rows × ${d.features} features${d.classes ? `, ${d.classes} classes` : ''}`;
      (d.builtin ? builtin : uploaded).append(h('option', { value: d.name }, desc));
    }
    if (builtin.children.length) select.append(builtin);
    if (uploaded.children.length) select.append(uploaded);
    select.value = selected;
  }
}
