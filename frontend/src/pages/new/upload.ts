// Upload delimited text as a new dataset. "Profile" reads the file without saving and shows each column's inferred
// type and role, editable; "Upload" saves with those choices. On success it becomes the form's dataset.
import { api, ApiError, type DatasetInfo } from '../../api';
import { clear, h } from '../../dom';
import { formatCount } from '../../format';
import { COLUMN_ROLES, COLUMN_TYPES, distinctText, editable, formChoices, missingPercent, reasonText, setRole,
  type EditableColumn } from '../../datasetProfile';
import { clearFieldErrors, placeFieldErrors } from './fieldErrors';
import { field } from './fields';

export class UploadBox {
  private readonly file = h('input', { id: 'up-file', type: 'file', accept: '.csv,.tsv,.txt,.gz,text/csv,text/tab-separated-values,application/gzip', 'data-field': 'file' });
  private readonly name = h('input', { id: 'up-name', type: 'text', 'data-field': 'name', pattern: '[A-Za-z0-9][A-Za-z0-9_.\\-]{0,63}' });
  private readonly label = h('input', { id: 'up-label', type: 'text', 'data-field': 'labelColumn', placeholder: 'last column' });
  private readonly task = h('select', { id: 'up-task', 'data-field': 'task' }, h('option', { value: '' }, 'infer from the label'),
    h('option', { value: 'classification' }, 'classification'), h('option', { value: 'regression' }, 'regression'));
  private readonly status = h('p', { className: 'muted', role: 'status' });
  private readonly profileBox = h('div', { className: 'upload-profile table-wrap' });
  private readonly listBox = h('div', { className: 'dataset-list table-wrap' });
  private readonly form = h('form', { className: 'upload', novalidate: true },
    field('File (CSV, semicolon or tab separated, header row; .gz too)', this.file), field('Dataset name', this.name),
    field('Label column', this.label), field('Task', this.task),
    h('button', { type: 'button', id: 'up-profile', onclick: () => void this.profile() }, 'Profile'),
    h('button', { type: 'submit' }, 'Upload'), this.status);
  readonly el = h('details', { className: 'upload-box' }, h('summary', {}, 'Upload a dataset'), this.form, this.profileBox, this.listBox);
  private columns: EditableColumn[] = [];

  /** onUploaded: the new dataset, and the dataset list that now includes it. */
  constructor(onUploaded: (info: DatasetInfo, datasets: DatasetInfo[]) => void) {
    this.form.addEventListener('submit', (e) => {
      e.preventDefault();
      void this.upload(onUploaded);
    });
    this.file.addEventListener('change', () => this.forgetProfile());
  }

  /** The uploaded datasets with their rows, columns, task and label. */
  showDatasets(datasets: DatasetInfo[]): void {
    clear(this.listBox);
    const uploaded = datasets.filter((d) => !d.builtin);
    if (!uploaded.length) return;
    const body = h('tbody');
    for (const d of uploaded) {
      body.append(h('tr', { 'data-dataset': d.name }, h('td', {}, d.name), h('td', { className: 'num' }, formatCount(d.rows)),
        h('td', { className: 'num' }, String(d.columns.length || d.features + 1)), h('td', {}, d.task), h('td', {}, d.label)));
    }
    this.listBox.append(h('table', { className: 'data compact datasets' }, h('caption', {}, 'Uploaded datasets'),
      h('thead', {}, h('tr', {}, h('th', {}, 'Name'), h('th', { className: 'num' }, 'Rows'), h('th', { className: 'num' }, 'Columns'),
        h('th', {}, 'Task'), h('th', {}, 'Label'))), body));
  }

  private forgetProfile(): void {
    this.columns = [];
    clear(this.profileBox);
  }

  private datasetName(file: File): string {
    return this.name.value.trim() || file.name.replace(/(\.(csv|tsv|txt))?(\.gz)?$/i, '').replace(/[^A-Za-z0-9_.-]/g, '_').replace(/^[^A-Za-z0-9]+/, '').slice(0, 64);
  }

  /** The form as sent: the table's label and overrides when a profile is shown, else the text fields. */
  private formData(file: File, dryRun: boolean): FormData {
    const fd = new FormData();
    fd.append('file', file);
    fd.append('name', this.datasetName(file));
    const chosen = this.columns.length ? formChoices(this.columns) : null;
    const label = chosen?.labelColumn ?? this.label.value.trim();
    if (label) fd.append('labelColumn', label);
    if (this.task.value) fd.append('task', this.task.value);
    if (chosen?.columns.length) fd.append('columns', JSON.stringify(chosen.columns));
    if (dryRun) fd.append('dryRun', 'true');
    return fd;
  }

  private async profile(): Promise<void> {
    clearFieldErrors(this.form);
    const file = this.file.files?.[0];
    if (!file) {
      placeFieldErrors([{ field: 'file', message: 'choose a file' }], this.form);
      return;
    }
    this.status.textContent = 'Reading…';
    try {
      const info = await api.uploadDataset(this.formData(file, true));
      this.columns = editable(info.columns);
      this.renderProfile(info);
      this.status.textContent = `${info.name}: ${formatCount(info.rows)} rows` + (info.droppedRows ? ` (${formatCount(info.droppedRows)} without a label left out)` : '')
        + `, ${info.task}${info.classes ? ` with ${info.classes} classes` : ''}. Check the columns, then upload.`;
    } catch (err) {
      this.failed(err);
    }
  }

  private renderProfile(info: DatasetInfo): void {
    clear(this.profileBox);
    const body = h('tbody');
    for (const c of this.columns) {
      const p = c.profile;
      const type = h('select', { 'aria-label': `type of ${p.name}`, 'data-column-type': p.name },
        ...COLUMN_TYPES.map((t) => h('option', { value: t, selected: t === c.type }, t)));
      type.addEventListener('change', () => { c.type = type.value; });
      const role = h('select', { 'aria-label': `role of ${p.name}`, 'data-column-role': p.name },
        ...COLUMN_ROLES.map((r) => h('option', { value: r, selected: r === c.role }, r)));
      role.addEventListener('change', () => {
        setRole(this.columns, p.name, role.value);
        this.renderProfile(info);
      });
      body.append(h('tr', { 'data-column': p.name }, h('th', { scope: 'row' }, p.name), h('td', {}, type),
        h('td', {}, role, c.role === p.role && p.ignoredReason ? h('span', { className: 'hint' }, ` ${reasonText(p)}`) : null),
        h('td', { className: 'num' }, missingPercent(p.missing, info.rows)), h('td', { className: 'num' }, distinctText(p)),
        h('td', { className: 'examples' }, p.examples.join(', ') + (p.dateFormat ? ` (${p.dateFormat})` : ''))));
    }
    this.profileBox.append(h('table', { className: 'data compact profile' }, h('caption', {}, 'Columns'),
      h('thead', {}, h('tr', {}, h('th', {}, 'Column'), h('th', {}, 'Type'), h('th', {}, 'Role'), h('th', { className: 'num' }, 'Missing'),
        h('th', { className: 'num' }, 'Distinct'), h('th', {}, 'Examples'))), body));
  }

  private async upload(onUploaded: (info: DatasetInfo, datasets: DatasetInfo[]) => void): Promise<void> {
    clearFieldErrors(this.form);
    const file = this.file.files?.[0];
    if (!file) {
      placeFieldErrors([{ field: 'file', message: 'choose a file' }], this.form);
      return;
    }
    this.status.textContent = 'Uploading…';
    try {
      const info = await api.uploadDataset(this.formData(file, false));
      this.status.textContent = `Uploaded ${info.name}: ${info.rows} rows, ${info.features} features.`;
      this.forgetProfile();
      const datasets = await api.datasets();
      this.showDatasets(datasets);
      onUploaded(info, datasets);
    } catch (err) {
      this.failed(err);
    }
  }

  private failed(err: unknown): void {
    this.status.textContent = 'Upload failed.';
    const errors = err instanceof ApiError ? err.errors.map((e) => (e.field.startsWith('columns') ? { ...e, field: 'file' } : e)) : [];
    const unplaced = errors.length ? placeFieldErrors(errors, this.form) : [(err as Error).message];
    if (unplaced.length) this.status.textContent = `Upload failed: ${unplaced.join('; ')}`;
  }
}
