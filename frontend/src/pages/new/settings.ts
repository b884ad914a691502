// Strategy and pruner settings (coarse-to-fine stages, median warm-up, ASHA rungs...): one fieldset per
// section of the form model (formModel.ts), shown while its strategy or pruner is the chosen one.
import { h } from '../../dom';
import type { SettingsSection } from '../../formModel';
import type { SpecForm } from '../../spec';
import { field } from './fields';

interface Rendered {
  section: SettingsSection;
  el: HTMLFieldSetElement;
  inputs: Map<string, HTMLInputElement>;
}

export class ChoiceSettings {
  private readonly rendered: Rendered[];

  constructor(sections: SettingsSection[], onChange: () => void) {
    this.rendered = sections.map((section) => {
      const inputs = new Map<string, HTMLInputElement>();
      const el = h('fieldset', { className: `basics settings settings-${section.choice.name}`, 'data-slot': section.path, hidden: true },
        h('legend', {}, section.legend),
        h('span', { className: 'field-error', id: `err-${section.path}` }));
      for (const f of section.fields) {
        const input = h('input', { id: f.id, type: 'text', inputmode: f.inputmode, 'data-field': f.path, placeholder: f.placeholder });
        input.addEventListener('input', onChange);
        inputs.set(f.path, input);
        el.append(field(f.label, input, f.hint));
      }
      return { section, el, inputs };
    });
  }

  get elements(): HTMLFieldSetElement[] {
    return this.rendered.map((r) => r.el);
  }

  /** Shows the chosen one's settings only. */
  show(chosen: string): void {
    for (const r of this.rendered) r.el.hidden = r.section.choice.name !== chosen;
  }

  write(form: SpecForm): void {
    for (const r of this.rendered) for (const [path, input] of r.inputs) input.value = form.settings[path] ?? '';
  }

  read(form: SpecForm): void {
    for (const r of this.rendered) for (const [path, input] of r.inputs) form.settings[path] = input.value;
  }

  set disabled(v: boolean) {
    for (const r of this.rendered) r.el.disabled = v;
  }
}
