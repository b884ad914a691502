// New search: dataset (built-in or uploaded), strategy and budget, a per-parameter space editor or pasted
// JSON, a live preview (trial count and cost), and the server's validation errors next to their fields.
import { api, ApiError, type DatasetInfo, type FieldError, type PreviewResponse } from '../api';
import { clear, h, type PageHandle } from '../dom';
import { esc, formatCount, formatParam } from '../format';
import { PARAMS, type ParamDef } from '../params';
import {
  defaultForm,
  emptyParam,
  errorTarget,
  formToSpec,
  parseSpecText,
  specToForm,
  type ParamForm,
  type ParamMode,
  type SpecForm,
} from '../spec';

const PREVIEW_DEBOUNCE_MS = 300;

/** A starting point that runs in seconds on iris. */
export function starterForm(): SpecForm {
  const f = defaultForm();
  f.name = 'iris-random';
  f.params.learningRate = { ...emptyParam(undefined), mode: 'range', min: '0.001', max: '0.1', log: true, points: '3' };
  f.params.hiddenUnits = { ...emptyParam(undefined), mode: 'choice', choiceText: '16, 32, 64' };
  f.params.epochs = { ...emptyParam(undefined), mode: 'fixed', fixed: '30' };
  f.params.batchSize = { ...emptyParam(undefined), mode: 'fixed', fixed: '16' };
  return f;
}

function modesFor(def: ParamDef): ParamMode[] {
  return def.type === 'float' || def.type === 'int' ? ['default', 'fixed', 'choice', 'range'] : ['default', 'fixed', 'choice'];
}

const MODE_LABEL: Record<ParamMode, string> = { default: 'default', fixed: 'fixed', choice: 'choice', range: 'range' };

export function mountNew(main: HTMLElement, query: URLSearchParams): PageHandle {
  let form: SpecForm = starterForm();
  let mode: 'form' | 'json' = query.get('mode') === 'json' ? 'json' : 'form';
  let datasets: DatasetInfo[] = [];
  let previewTimer: ReturnType<typeof setTimeout> | null = null;
  let previewCtrl: AbortController | null = null;
  let disposed = false;
  let lastPreview: PreviewResponse | null = null;

  // ---- layout
  const generalError = h('div', { className: 'form-error', role: 'alert', hidden: true });
  const nameInput = h('input', { id: 'f-name', type: 'text', 'data-field': 'name', autocomplete: 'off', required: true });
  const datasetSelect = h('select', { id: 'f-dataset', 'data-field': 'dataset' });
  const strategySelect = h('select', { id: 'f-strategy', 'data-field': 'strategy' },
    h('option', { value: 'random' }, 'random'), h('option', { value: 'grid' }, 'grid'),
    h('option', { value: 'coarse-to-fine' }, 'coarse-to-fine'));
  const stagesInput = h('input', { id: 'f-stages', type: 'text', inputmode: 'numeric', 'data-field': 'coarseToFine.stages', placeholder: 'default' });
  const perStageInput = h('input', { id: 'f-trialsPerStage', type: 'text', inputmode: 'numeric', 'data-field': 'coarseToFine.trialsPerStage' });
  const topFractionInput = h('input', { id: 'f-topFraction', type: 'text', inputmode: 'decimal', 'data-field': 'coarseToFine.topFraction', placeholder: 'default' });
  const prunerSelect = h('select', { id: 'f-pruner', 'data-field': 'pruner' },
    h('option', { value: '' }, 'default'), h('option', { value: 'none' }, 'none'),
    h('option', { value: 'median' }, 'median'), h('option', { value: 'asha' }, 'asha'));
  const foldsInput = h('input', { id: 'f-folds', type: 'text', inputmode: 'numeric', 'data-field': 'validation.folds', placeholder: 'holdout' });
  const sanityInput = h('input', { id: 'f-sanityCheck', type: 'checkbox', 'data-field': 'sanityCheck' });
  const maxTrialsInput = h('input', { id: 'f-maxTrials', type: 'text', inputmode: 'numeric', 'data-field': 'maxTrials' });
  const seedInput = h('input', { id: 'f-seed', type: 'text', inputmode: 'numeric', 'data-field': 'seed' });
  const valFracInput = h('input', { id: 'f-validationFraction', type: 'text', inputmode: 'decimal', 'data-field': 'validationFraction', placeholder: '0.2' });
  const maxFailedInput = h('input', { id: 'f-maxFailedTrials', type: 'text', inputmode: 'numeric', 'data-field': 'maxFailedTrials', placeholder: 'no limit' });

  const field = (label: string, input: HTMLElement, hint?: string) =>
    h('div', { className: 'field', 'data-slot': input.dataset.field ?? '' },
      h('label', { for: input.id }, label), input,
      hint ? h('span', { className: 'hint' }, hint) : null,
      h('span', { className: 'field-error', id: `err-${input.id}` }));

  const basics = h('fieldset', { className: 'basics' }, h('legend', {}, 'Search'),
    field('Name', nameInput),
    field('Dataset', datasetSelect),
    field('Strategy', strategySelect, 'random draws trials; grid enumerates every combination'),
    field('Max trials', maxTrialsInput, 'required for random; optional cap for grid'),
    field('Seed', seedInput, 'same seed, same trials'),
    field('Validation fraction', valFracInput),
    field('Max failed trials', maxFailedInput, 'stop the search after this many diverge or fail'),
    field('Pruner', prunerSelect, 'stop unpromising trials early'),
    field('Cross-validation folds', foldsInput, 'instead of a holdout'),
    h('div', { className: 'field check-field', 'data-slot': 'sanityCheck' },
      h('label', { className: 'check', for: 'f-sanityCheck' }, sanityInput, 'Sanity check first'),
      h('span', { className: 'hint' }, 'a quick trainability check before the search'),
      h('span', { className: 'field-error', id: 'err-f-sanityCheck' })));
  foldsInput.parentElement!.dataset.slot = 'validation'; // "validation" errors name the object, not its key
  const c2f = h('fieldset', { className: 'basics c2f', 'data-slot': 'coarseToFine', hidden: true },
    h('legend', {}, 'Coarse-to-fine stages'),
    h('span', { className: 'field-error', id: 'err-coarseToFine' }),
    field('Stages', stagesInput),
    field('Trials per stage', perStageInput),
    field('Top fraction kept', topFractionInput, 'each stage narrows to the best of the one before'));

  // ---- upload
  const upFile = h('input', { id: 'up-file', type: 'file', accept: '.csv,text/csv', 'data-field': 'file' });
  const upName = h('input', { id: 'up-name', type: 'text', 'data-field': 'name', pattern: '[A-Za-z0-9_.\\-]{1,100}' });
  const upLabel = h('input', { id: 'up-label', type: 'text', 'data-field': 'labelColumn', placeholder: 'last column' });
  const upTask = h('select', { id: 'up-task', 'data-field': 'task' }, h('option', { value: 'classification' }, 'classification'), h('option', { value: 'regression' }, 'regression'));
  const upStatus = h('p', { className: 'muted', role: 'status' });
  const upForm = h('form', { className: 'upload', novalidate: true },
    field('CSV file (header row)', upFile),
    field('Dataset name', upName),
    field('Label column', upLabel),
    field('Task', upTask),
    h('button', { type: 'submit' }, 'Upload'), upStatus);
  const upload = h('details', { className: 'upload-box' }, h('summary', {}, 'Upload a CSV dataset'), upForm);

  // ---- space editor
  const modeForm = h('button', { type: 'button', className: 'tab', 'aria-pressed': 'true' }, 'Form');
  const modeJson = h('button', { type: 'button', className: 'tab', 'aria-pressed': 'false' }, 'JSON');
  const paramsHost = h('div', { className: 'params', role: 'group', 'aria-label': 'Search space' });
  const jsonArea = h('textarea', { id: 'spec-json', rows: 24, spellcheck: 'false', 'aria-label': 'Search spec as JSON', 'data-field': '' });
  const jsonErrors = h('ul', { className: 'json-errors', 'aria-live': 'polite' });
  const jsonHost = h('div', { className: 'json-editor', hidden: true },
    h('p', { className: 'hint' }, 'Paste or edit the whole spec; switch back to Form to edit it field by field.'),
    jsonArea, jsonErrors);
  const spaceError = h('span', { className: 'field-error', id: 'err-space' });
  const space = h('fieldset', { className: 'space', 'data-slot': 'space' },
    h('legend', {}, 'Parameters'),
    h('div', { className: 'tabs', role: 'group', 'aria-label': 'Editor' }, modeForm, modeJson),
    spaceError, paramsHost, jsonHost);

  // ---- preview + submit
  const previewBox = h('section', { className: 'preview', 'aria-labelledby': 'preview-h', 'aria-live': 'polite' },
    h('h2', { id: 'preview-h' }, 'Preview'), h('div', { className: 'preview-body' }, h('p', { className: 'muted' }, 'Fill in the form to see the trials.')));
  const submitBtn = h('button', { type: 'submit', className: 'primary', id: 'submit-search' }, 'Start search');
  const submitStatus = h('p', { className: 'muted', role: 'status' });

  const mainForm = h('form', { className: 'new-search', novalidate: true, 'aria-labelledby': 'new-h' },
    generalError, basics, c2f, space, h('div', { className: 'actions' }, submitBtn, submitStatus));

  main.append(
    h('div', { className: 'page-head' }, h('h1', { id: 'new-h' }, 'New search')),
    h('div', { className: 'new-layout' }, h('div', { className: 'new-main' }, upload, mainForm), previewBox));

  // ---- form <-> inputs
  function writeBasics(): void {
    nameInput.value = form.name;
    maxTrialsInput.value = form.maxTrials;
    seedInput.value = form.seed;
    valFracInput.value = form.validationFraction;
    maxFailedInput.value = form.maxFailedTrials;
    if (!['random', 'grid', 'coarse-to-fine'].includes(form.strategy)) {
      strategySelect.append(h('option', { value: form.strategy }, form.strategy));
    }
    strategySelect.value = form.strategy;
    stagesInput.value = form.stages;
    perStageInput.value = form.trialsPerStage;
    topFractionInput.value = form.topFraction;
    prunerSelect.value = ['', 'none', 'median', 'asha'].includes(form.pruner) ? form.pruner : '';
    foldsInput.value = form.folds;
    sanityInput.checked = form.sanityCheck;
    c2f.hidden = form.strategy !== 'coarse-to-fine';
    fillDatasets();
  }

  function readBasics(): void {
    form.name = nameInput.value;
    form.dataset = datasetSelect.value;
    form.strategy = strategySelect.value;
    form.maxTrials = maxTrialsInput.value;
    form.seed = seedInput.value;
    form.validationFraction = valFracInput.value;
    form.maxFailedTrials = maxFailedInput.value;
    form.stages = stagesInput.value;
    form.trialsPerStage = perStageInput.value;
    form.topFraction = topFractionInput.value;
    form.pruner = prunerSelect.value;
    form.folds = foldsInput.value;
    form.sanityCheck = sanityInput.checked;
    c2f.hidden = form.strategy !== 'coarse-to-fine';
  }

  function fillDatasets(): void {
    clear(datasetSelect);
    const names = datasets.map((d) => d.name);
    if (form.dataset && !names.includes(form.dataset)) {
      datasetSelect.append(h('option', { value: form.dataset }, form.dataset));
    }
    const builtin = h('optgroup', { label: 'Built-in' });
    const uploaded = h('optgroup', { label: 'Uploaded' });
    for (const d of datasets) {
      const desc = `${d.name} — ${d.task}, ${formatCount(d.rows)} rows × ${d.features} features${d.classes ? `, ${d.classes} classes` : ''}`;
      (d.builtin ? builtin : uploaded).append(h('option', { value: d.name }, desc));
    }
    if (builtin.children.length) datasetSelect.append(builtin);
    if (uploaded.children.length) datasetSelect.append(uploaded);
    datasetSelect.value = form.dataset;
  }

  function renderParams(): void {
    clear(paramsHost);
    for (const def of PARAMS) {
      paramsHost.append(paramRow(def, form.params[def.name] ?? emptyParam(def)));
    }
    const extra = Object.keys(form.extraSpace);
    if (extra.length) {
      paramsHost.append(h('p', { className: 'hint', 'data-slot': 'space.extra' },
        `Also in the spec (no editor): ${extra.join(', ')}`));
    }
  }

  function paramRow(def: ParamDef, f: ParamForm): HTMLElement {
    const base = `space.${def.name}`;
    const id = `p-${def.name}`;
    const modeSel = h('select', { id: `${id}-mode`, 'aria-label': `${def.label}: how it varies` });
    for (const m of modesFor(def)) modeSel.append(h('option', { value: m }, MODE_LABEL[m]));
    modeSel.value = f.mode;
    const values = h('div', { className: 'values' });
    const row = h('div', { className: `param mode-${f.mode}`, 'data-param': def.name, 'data-slot': base },
      h('div', { className: 'param-name' },
        h('label', { for: `${id}-mode` }, def.label),
        h('code', {}, def.name),
        h('span', { className: 'hint' }, `${def.help}${def.bounds ? ` · ${def.bounds}` : ''}`)),
      modeSel, values,
      h('span', { className: 'field-error', id: `err-${base}` }));
    modeSel.addEventListener('change', () => {
      f.mode = modeSel.value as ParamMode;
      if (f.mode === 'range' && def.type === 'float' && f.min === '' && f.max === '' && def.name === 'learningRate') {
        f.min = '0.0001';
        f.max = '0.1';
        f.log = true;
      }
      row.className = `param mode-${f.mode}`;
      fillValues();
      changed();
    });

    const input = (key: keyof ParamForm, label: string, dataField: string, attrs: Record<string, string> = {}) => {
      const el = h('input', { type: 'text', id: `${id}-${key}`, 'data-field': dataField, 'aria-label': `${def.label} ${label}`, ...attrs });
      el.value = String(f[key] ?? '');
      el.addEventListener('input', () => {
        (f as unknown as Record<string, string>)[key] = el.value;
        changed();
      });
      return h('label', { className: 'inline' }, h('span', {}, label), el);
    };

    function fillValues(): void {
      clear(values);
      const categorical = def.type === 'categorical' || def.type === 'boolean';
      const options = def.type === 'boolean' ? ['true', 'false'] : def.values ?? [];
      switch (f.mode) {
        case 'default':
          values.append(h('span', { className: 'muted' }, `default: ${formatParam(def.defaultValue)}`));
          break;
        case 'fixed':
          if (categorical) {
            const sel = h('select', { id: `${id}-fixed`, 'data-field': base, 'aria-label': `${def.label} value` });
            for (const o of options) sel.append(h('option', { value: o }, o));
            if (!options.includes(f.fixed)) f.fixed = String(def.defaultValue);
            sel.value = f.fixed;
            sel.addEventListener('change', () => {
              f.fixed = sel.value;
              changed();
            });
            values.append(sel);
          } else {
            values.append(input('fixed', 'value', base, { inputmode: 'decimal' }));
          }
          break;
        case 'choice':
          if (categorical) {
            const group = h('div', { className: 'checks', role: 'group', 'aria-label': `${def.label} choices`, 'data-field': `${base}.choice` });
            options.forEach((o, i) => {
              const cb = h('input', { type: 'checkbox', id: `${id}-c${i}`, value: o, checked: f.choiceSet.includes(o) });
              cb.addEventListener('change', () => {
                f.choiceSet = options.filter((_, j) => (document.getElementById(`${id}-c${j}`) as HTMLInputElement | null)?.checked);
                changed();
              });
              group.append(h('label', { className: 'check' }, cb, o));
            });
            values.append(group);
          } else {
            values.append(input('choiceText', 'values', `${base}.choice`, { placeholder: 'e.g. 16, 32, 64' }));
          }
          break;
        case 'range': {
          const kind = def.type === 'int' ? 'intRange' : 'floatRange';
          const at = `${base}.${kind}`;
          values.append(input('min', 'min', `${at}.min`, { inputmode: 'decimal' }), input('max', 'max', `${at}.max`, { inputmode: 'decimal' }));
          if (def.type === 'int') {
            values.append(input('step', 'step', `${at}.step`, { inputmode: 'numeric', placeholder: '1' }));
          } else {
            const log = h('input', { type: 'checkbox', id: `${id}-log`, 'data-field': `${at}.log`, checked: f.log });
            log.addEventListener('change', () => {
              f.log = log.checked;
              changed();
            });
            values.append(h('label', { className: 'check' }, log, 'log scale'),
              input('points', 'grid points', `${at}.points`, { inputmode: 'numeric', placeholder: 'for grid' }));
          }
          break;
        }
      }
    }
    fillValues();
    return row;
  }

  // ---- mode switching
  function setMode(next: 'form' | 'json'): void {
    if (next === mode) return;
    if (next === 'json') {
      readBasics();
      jsonArea.value = JSON.stringify(formToSpec(form), null, 2);
    } else {
      const parsed = parseSpecText(jsonArea.value);
      if ('error' in parsed) {
        showJsonErrors([{ field: '', message: parsed.error }]);
        jsonArea.focus();
        return;
      }
      form = specToForm(parsed.spec);
      writeBasics();
      renderParams();
    }
    mode = next;
    modeForm.setAttribute('aria-pressed', String(mode === 'form'));
    modeJson.setAttribute('aria-pressed', String(mode === 'json'));
    basics.disabled = mode === 'json';
    c2f.disabled = mode === 'json';
    paramsHost.hidden = mode === 'json';
    jsonHost.hidden = mode === 'form';
    clearErrors();
    changed();
  }
  modeForm.addEventListener('click', () => setMode('form'));
  modeJson.addEventListener('click', () => setMode('json'));

  /** The spec to preview or submit; null (with an error shown) when the pasted JSON does not parse. */
  function currentSpec(): Record<string, unknown> | null {
    if (mode === 'json') {
      const parsed = parseSpecText(jsonArea.value);
      if ('error' in parsed) {
        showJsonErrors([{ field: '', message: parsed.error }]);
        return null;
      }
      return parsed.spec;
    }
    readBasics();
    return formToSpec(form);
  }

  // ---- errors
  function clearErrors(): void {
    generalError.hidden = true;
    generalError.textContent = '';
    main.querySelectorAll('.field-error').forEach((e) => (e.textContent = ''));
    main.querySelectorAll('[aria-invalid="true"]').forEach((e) => e.removeAttribute('aria-invalid'));
    main.querySelectorAll('.has-error').forEach((e) => e.classList.remove('has-error'));
    clear(jsonErrors);
  }

  function showJsonErrors(errors: FieldError[]): void {
    clear(jsonErrors);
    for (const e of errors) {
      jsonErrors.append(h('li', { className: 'field-error' }, e.field ? h('code', {}, e.field) : null, e.field ? ': ' : '', e.message));
    }
    jsonArea.setAttribute('aria-invalid', errors.length ? 'true' : 'false');
  }

  /** Puts each error beside the input it names (or the nearest enclosing field), else at the top. */
  function showErrors(errors: FieldError[], within: HTMLElement = mainForm): void {
    if (mode === 'json' && within === mainForm) {
      showJsonErrors(errors);
      return;
    }
    const inputs = new Map<string, HTMLElement>();
    within.querySelectorAll<HTMLElement>('[data-field]').forEach((el) => {
      if (el.dataset.field) inputs.set(el.dataset.field, el);
    });
    const slots = new Map<string, HTMLElement>();
    within.querySelectorAll<HTMLElement>('[data-slot]').forEach((el) => {
      if (el.dataset.slot) slots.set(el.dataset.slot, el);
    });
    const general: string[] = [];
    let first: HTMLElement | null = null;
    for (const e of errors) {
      const inputKey = errorTarget(e.field, inputs.keys());
      const slotKey = errorTarget(e.field, slots.keys());
      const input = inputKey ? inputs.get(inputKey)! : null;
      const slot = slotKey ? slots.get(slotKey)! : null;
      if (input) input.setAttribute('aria-invalid', 'true');
      const msgHost = slot?.querySelector<HTMLElement>(':scope > .field-error') ?? (slotKey === 'space' ? spaceError : null);
      if (!msgHost) {
        general.push(`${e.field ? `${e.field}: ` : ''}${e.message}`);
        continue;
      }
      slot?.classList.add('has-error');
      const rel = slotKey && e.field.length > slotKey.length ? e.field.slice(slotKey.length).replace(/^\./, '') : '';
      const line = h('span', { className: 'msg', 'data-error-field': e.field }, rel ? `${rel}: ${e.message}` : e.message);
      msgHost.append(line);
      if (input) {
        const id = msgHost.id || `err-${Math.random().toString(36).slice(2)}`;
        msgHost.id = id;
        input.setAttribute('aria-describedby', id);
      }
      first ??= input ?? slot;
    }
    if (general.length) {
      generalError.hidden = false;
      generalError.textContent = general.join('\n');
    }
    return void first;
  }

  // ---- preview
  function changed(): void {
    if (previewTimer) clearTimeout(previewTimer);
    previewTimer = setTimeout(() => void preview(), PREVIEW_DEBOUNCE_MS);
  }

  async function preview(): Promise<void> {
    const spec = currentSpec();
    if (!spec) return;
    previewCtrl?.abort();
    previewCtrl = new AbortController();
    const body = previewBox.querySelector('.preview-body')!;
    body.classList.add('stale');
    try {
      const p = await api.preview(spec, previewCtrl.signal);
      if (disposed) return;
      lastPreview = p;
      clearErrors();
      renderPreview(p);
    } catch (err) {
      if (disposed || (err as Error).name === 'AbortError') return;
      clearErrors();
      if (err instanceof ApiError && err.errors.length) {
        showErrors(err.errors);
        body.innerHTML = `<p class="error-text">${err.errors.length} problem${err.errors.length === 1 ? '' : 's'} to fix before this search can run.</p>`;
      } else {
        body.innerHTML = `<p class="error-text">${esc((err as Error).message)}</p>`;
      }
    } finally {
      body.classList.remove('stale');
    }
  }

  function renderPreview(p: PreviewResponse): void {
    const body = previewBox.querySelector('.preview-body')!;
    const ds = datasets.find((d) => d.name === (mode === 'form' ? form.dataset : ''));
    const trainRows = ds ? Math.round(ds.rows * (1 - (Number(form.validationFraction) || 0.2))) : null;
    const names = [...new Set(p.firstTrials.flatMap((t) => Object.keys(t.params)))];
    const varying = names.filter((n) => new Set(p.firstTrials.map((t) => JSON.stringify(t.params[n]))).size > 1);
    const cols = varying.length ? varying : names.slice(0, 4);
    body.innerHTML = `<dl class="stats">
      <div><dt>Trials</dt><dd id="preview-trials">${formatCount(p.trialCount)}</dd></div>
      <div><dt>Epochs in total</dt><dd id="preview-epochs">${formatCount(p.totalEpochs)}</dd></div>
      ${trainRows !== null ? `<div><dt>Cost</dt><dd>≈ ${formatCount(p.totalEpochs * trainRows)} sample-epochs</dd></div>` : ''}
      ${p.seed !== undefined && p.seed !== null ? `<div><dt>Seed</dt><dd>${p.seed}</dd></div>` : ''}
    </dl>
    ${p.firstTrials.length ? `<div class="table-wrap"><table class="data compact"><caption>First ${Math.min(p.firstTrials.length, 8)} trials</caption>
      <thead><tr><th scope="col">#</th>${cols.map((c) => `<th scope="col">${esc(c)}</th>`).join('')}</tr></thead>
      <tbody>${p.firstTrials.slice(0, 8).map((t) => `<tr><td>${t.number}</td>${cols.map((c) => `<td>${esc(formatParam(t.params[c]))}</td>`).join('')}</tr>`).join('')}</tbody></table></div>` : ''}`;
  }

  // ---- submit
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
        const firstInvalid = main.querySelector<HTMLElement>('[aria-invalid="true"]');
        firstInvalid?.focus();
      } else {
        submitStatus.textContent = `Not submitted: ${(err as Error).message}`;
      }
    } finally {
      submitBtn.disabled = false;
    }
  });

  // ---- upload
  upForm.addEventListener('submit', async (e) => {
    e.preventDefault();
    upForm.querySelectorAll('.field-error').forEach((x) => (x.textContent = ''));
    upForm.querySelectorAll('[aria-invalid]').forEach((x) => x.removeAttribute('aria-invalid'));
    const file = upFile.files?.[0];
    if (!file) {
      showErrors([{ field: 'file', message: 'choose a CSV file' }], upForm);
      return;
    }
    const name = upName.value.trim() || file.name.replace(/\.csv$/i, '').replace(/[^A-Za-z0-9_.-]/g, '_');
    const fd = new FormData();
    fd.append('file', file);
    fd.append('name', name);
    if (upLabel.value.trim()) fd.append('labelColumn', upLabel.value.trim());
    fd.append('task', upTask.value);
    upStatus.textContent = 'Uploading…';
    try {
      const info = await api.uploadDataset(fd);
      upStatus.textContent = `Uploaded ${info.name}: ${info.rows} rows, ${info.features} features.`;
      datasets = await api.datasets();
      form.dataset = info.name;
      fillDatasets();
      changed();
    } catch (err) {
      upStatus.textContent = 'Upload failed.';
      if (err instanceof ApiError && err.errors.length) showErrors(err.errors, upForm);
      else upStatus.textContent = `Upload failed: ${(err as Error).message}`;
    }
  });

  for (const el of [nameInput, maxTrialsInput, seedInput, valFracInput, maxFailedInput, jsonArea, stagesInput, perStageInput, topFractionInput, foldsInput]) {
    el.addEventListener('input', changed);
  }
  for (const el of [datasetSelect, strategySelect, prunerSelect, sanityInput]) el.addEventListener('change', changed);
  strategySelect.addEventListener('change', () => (c2f.hidden = strategySelect.value !== 'coarse-to-fine'));

  writeBasics();
  renderParams();
  if (mode === 'json') {
    mode = 'form';
    setMode('json');
  }
  api.datasets().then((d) => {
    if (disposed) return;
    datasets = d;
    readBasics();
    fillDatasets();
    if (lastPreview) renderPreview(lastPreview);
  }).catch(() => undefined);
  changed();

  return {
    dispose() {
      disposed = true;
      previewCtrl?.abort();
      if (previewTimer) clearTimeout(previewTimer);
    },
  };
}
