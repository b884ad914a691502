// Upload a CSV as a new dataset; on success it becomes the form's dataset.
import { api, ApiError, type DatasetInfo } from '../../api';
import { h } from '../../dom';
import { clearFieldErrors, placeFieldErrors } from './fieldErrors';
import { field } from './fields';

export class UploadBox {
  private readonly file = h('input', { id: 'up-file', type: 'file', accept: '.csv,text/csv', 'data-field': 'file' });
  private readonly name = h('input', { id: 'up-name', type: 'text', 'data-field': 'name', pattern: '[A-Za-z0-9][A-Za-z0-9_.\\-]{0,63}' });
  private readonly label = h('input', { id: 'up-label', type: 'text', 'data-field': 'labelColumn', placeholder: 'last column' });
  private readonly task = h('select', { id: 'up-task', 'data-field': 'task' }, h('option', { value: 'classification' }, 'classification'), h('option', { value: 'regression' }, 'regression'));
  private readonly status = h('p', { className: 'muted', role: 'status' });
  private readonly form = h('form', { className: 'upload', novalidate: true },
    field('CSV file (header row)', this.file), field('Dataset name', this.name), field('Label column', this.label), field('Task', this.task),
    h('button', { type: 'submit' }, 'Upload'), this.status);
  readonly el = h('details', { className: 'upload-box' }, h('summary', {}, 'Upload a CSV dataset'), this.form);

  /** onUploaded: the new dataset, and the dataset list that now includes it. */
  constructor(onUploaded: (info: DatasetInfo, datasets: DatasetInfo[]) => void) {
    this.form.addEventListener('submit', (e) => {
      e.preventDefault();
      void this.upload(onUploaded);
    });
  }

  private async upload(onUploaded: (info: DatasetInfo, datasets: DatasetInfo[]) => void): Promise<void> {
    clearFieldErrors(this.form);
    const file = this.file.files?.[0];
    if (!file) {
      placeFieldErrors([{ field: 'file', message: 'choose a CSV file' }], this.form);
      return;
    }
    const name = this.name.value.trim() || file.name.replace(/\.csv$/i, '').replace(/[^A-Za-z0-9_.-]/g, '_').replace(/^[^A-Za-z0-9]+/, '').slice(0, 64);
    const fd = new FormData();
    fd.append('file', file);
    fd.append('name', name);
    if (this.label.value.trim()) fd.append('labelColumn', this.label.value.trim());
    fd.append('task', this.task.value);
    this.status.textContent = 'Uploading…';
    try {
      const info = await api.uploadDataset(fd);
      this.status.textContent = `Uploaded ${info.name}: ${info.rows} rows, ${info.features} features.`;
      onUploaded(info, await api.datasets());
    } catch (err) {
      this.status.textContent = 'Upload failed.';
      const unplaced = err instanceof ApiError && err.errors.length ? placeFieldErrors(err.errors, this.form) : [(err as Error).message];
      if (unplaced.length) this.status.textContent = `Upload failed: ${unplaced.join('; ')}`;
    }
  }
}
