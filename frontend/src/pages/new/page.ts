// New search: dataset (built-in or uploaded), strategy, pruner and their settings, budget, a
// per-parameter space editor or pasted JSON, a live preview (trial count and cost), and the server's
// validation errors next to their fields. The form is built from the server's catalogue
// (GET /api/parameters); without it there is no form, and the page says why.
import { api, ApiError, type DatasetInfo, type FieldError } from '../../api';
import type { Catalogue } from '../../catalogue';
import { h, type PageHandle } from '../../dom';
import { prunerSections, strategySections } from '../../formModel';
import { emptyParam } from '../../paramForm';
import { defaultForm, formToSpec, specToForm, type SpecForm } from '../../spec';
import { clearFieldErrors, placeFieldErrors } from './fieldErrors';
import { SearchFields } from './fields';
import { ParameterEditor } from './parameterEditor';
import { PreviewPanel } from './preview';
import { ChoiceSettings } from './settings';
import { SpecJsonEditor } from './specJsonEditor';
import { UploadBox } from './upload';

/** A starting point that runs in seconds on iris. */
export function starterForm(catalogue: Catalogue): SpecForm {
  const f = defaultForm(catalogue);
  f.name = 'iris-random';
  f.params.learningRate = { ...emptyParam(undefined), mode: 'range', min: '0.001', max: '0.1', log: true, points: '3' };
  f.params.hiddenUnits = { ...emptyParam(undefined), mode: 'choice', choiceText: '16, 32, 64' };
  f.params.epochs = { ...emptyParam(undefined), mode: 'fixed', fixed: '30' };
  f.params.batchSize = { ...emptyParam(undefined), mode: 'fixed', fixed: '16' };
  return f;
}

/** The page's one state object. */
interface NewSearchState {
  readonly catalogue: Catalogue;
  form: SpecForm;
  mode: 'form' | 'json';
  datasets: DatasetInfo[];
}

export function mountNew(main: HTMLElement, query: URLSearchParams): PageHandle {
  const heading = h('div', { className: 'page-head' }, h('h1', { id: 'new-h' }, 'New search'));
  const loading = h('p', { className: 'muted' }, 'Loading the parameter catalogue…');
  main.append(heading, loading);
  let page: PageHandle | null = null;
  let disposed = false;
  const ctrl = new AbortController();
  api.parameters(ctrl.signal).then((catalogue) => {
    if (disposed) return;
    loading.remove();
    page = mountForm(main, catalogue, query.get('mode') === 'json');
  }).catch((err) => {
    if (disposed) return;
    loading.replaceWith(h('p', { className: 'error-text', role: 'alert' },
      `The form cannot be built: the server's parameter catalogue (GET /api/parameters) ${err instanceof ApiError ? `answered ${err.status} ${err.message}` : `could not be read: ${(err as Error).message}`}.`));
  });
  return {
    dispose() {
      disposed = true;
      ctrl.abort();
      page?.dispose();
    },
  };
}

function mountForm(main: HTMLElement, catalogue: Catalogue, startInJson: boolean): PageHandle {
  const state: NewSearchState = { catalogue, form: starterForm(catalogue), mode: 'form', datasets: [] };
  const changed = () => preview.schedule();
  const fields = new SearchFields(catalogue, () => {
    strategySettings.show(fields.strategy);
    prunerSettings.show(fields.pruner);
    changed();
  });
  const strategySettings = new ChoiceSettings(strategySections(catalogue), changed);
  const prunerSettings = new ChoiceSettings(prunerSections(catalogue), changed);
  const params = new ParameterEditor(catalogue.parameters, changed);
  const json = new SpecJsonEditor(changed);
  const generalError = h('div', { className: 'form-error', role: 'alert', hidden: true });
  const modeForm = h('button', { type: 'button', className: 'tab', 'aria-pressed': 'true', onclick: () => setMode('form') }, 'Form');
  const modeJson = h('button', { type: 'button', className: 'tab', 'aria-pressed': 'false', onclick: () => setMode('json') }, 'JSON');
  const space = h('fieldset', { className: 'space', 'data-slot': 'space' }, h('legend', {}, 'Parameters'),
    h('div', { className: 'tabs', role: 'group', 'aria-label': 'Editor' }, modeForm, modeJson),
    h('span', { className: 'field-error', id: 'err-space' }), params.el, json.el);
  const submitBtn = h('button', { type: 'submit', className: 'primary', id: 'submit-search' }, 'Start search');
  const submitStatus = h('p', { className: 'muted', role: 'status' });
  const mainForm = h('form', { className: 'new-search', novalidate: true, 'aria-labelledby': 'new-h' },
    generalError, fields.el, ...strategySettings.elements, ...prunerSettings.elements, space,
    h('div', { className: 'actions' }, submitBtn, submitStatus));
  const upload = new UploadBox((info, datasets) => {
    state.datasets = datasets;
    state.form.dataset = info.name;
    fields.fillDatasets(info.name, datasets);
    changed();
  });
  const preview = new PreviewPanel({
    spec: currentSpec,
    trainRows() {
      const ds = state.mode === 'form' ? state.datasets.find((d) => d.name === state.form.dataset) : undefined;
      return ds ? Math.round(ds.rows * (1 - (Number(state.form.validationFraction) || 0.2))) : null;
    },
    verdict(errors) {
      clearErrors();
      if (errors.length) showErrors(errors);
    },
  });
  main.append(h('div', { className: 'new-layout' }, h('div', { className: 'new-main' }, upload.el, mainForm), preview.el));

  /** Form state -> inputs. */
  function write(): void {
    fields.write(state.form, state.datasets);
    strategySettings.write(state.form);
    prunerSettings.write(state.form);
    strategySettings.show(state.form.strategy);
    prunerSettings.show(fields.pruner);
    params.render(state.form);
  }

  /** Inputs -> form state (the parameter editor writes its rows' state as they change). */
  function read(): void {
    fields.read(state.form);
    strategySettings.read(state.form);
    prunerSettings.read(state.form);
  }

  function setMode(next: 'form' | 'json'): void {
    if (next === state.mode) return;
    if (next === 'json') {
      read();
      json.show(formToSpec(state.form, catalogue));
    } else {
      const spec = json.spec();
      if (!spec) {
        json.focus();
        return;
      }
      state.form = specToForm(spec, catalogue);
      write();
    }
    state.mode = next;
    modeForm.setAttribute('aria-pressed', String(next === 'form'));
    modeJson.setAttribute('aria-pressed', String(next === 'json'));
    fields.el.disabled = next === 'json';
    strategySettings.disabled = next === 'json';
    prunerSettings.disabled = next === 'json';
    params.el.hidden = next === 'json';
    json.el.hidden = next === 'form';
    clearErrors();
    changed();
  }

  /** The spec to preview or submit; null (with an error shown) when the pasted JSON does not parse. */
  function currentSpec(): Record<string, unknown> | null {
    if (state.mode === 'json') return json.spec();
    read();
    return formToSpec(state.form, catalogue);
  }

  function clearErrors(): void {
    generalError.hidden = true;
    generalError.textContent = '';
    clearFieldErrors(mainForm);
    json.clearErrors();
  }

  /** Each error beside the input it names, else at the top (or listed under the JSON editor). */
  function showErrors(errors: FieldError[]): void {
    if (state.mode === 'json') {
      json.showErrors(errors);
      return;
    }
    const unplaced = placeFieldErrors(errors, mainForm);
    if (unplaced.length) {
      generalError.hidden = false;
      generalError.textContent = unplaced.join('\n');
    }
  }

  mainForm.addEventListener('submit', async (e) => {
    e.preventDefault();
    const spec = currentSpec();
    if (!spec) return;
    submitBtn.disabled = true;
    submitStatus.textContent = 'Submitting…';
    try {
      const created = await api.submit(spec);
      submitStatus.textContent = '';
      location.hash = `#/searches/${created.id}`;
    } catch (err) {
      clearErrors();
      if (err instanceof ApiError && err.errors.length) {
        showErrors(err.errors);
        submitStatus.textContent = `Not submitted: ${err.errors.length} problem${err.errors.length === 1 ? '' : 's'}; see the highlighted fields.`;
        main.querySelector<HTMLElement>('[aria-invalid="true"]')?.focus();
      } else {
        submitStatus.textContent = `Not submitted: ${(err as Error).message}`;
      }
    } finally {
      submitBtn.disabled = false;
    }
  });

  let disposed = false;
  write();
  if (startInJson) setMode('json');
  api.datasets().then((d) => {
    if (disposed) return;
    state.datasets = d;
    read();
    fields.fillDatasets(state.form.dataset, d);
    upload.showDatasets(d);
    preview.rerender();
  }).catch(() => undefined);
  changed();

  return {
    dispose() {
      disposed = true;
      preview.dispose();
    },
  };
}
