// The upload form's profile table as data: the inferred type and role of each column, the user's edits, and the
// form fields (labelColumn, columns overrides) that send those edits.
import type { ColumnInfo } from './api';

export const COLUMN_TYPES = ['numeric', 'categorical', 'boolean', 'date', 'text'] as const;
export const COLUMN_ROLES = ['feature', 'label', 'ignored'] as const;

export interface EditableColumn {
  readonly profile: ColumnInfo;
  type: string;
  role: string;
}

export interface ColumnChoice {
  name: string;
  type?: string;
  role?: string;
}

export function editable(columns: ColumnInfo[]): EditableColumn[] {
  return columns.map((c) => ({ profile: c, type: c.type, role: c.role }));
}

/** Sets one column's role; making a column the label makes the former label a feature (there is one label). */
export function setRole(columns: EditableColumn[], name: string, role: string): void {
  for (const c of columns) {
    if (c.profile.name === name) c.role = role;
    else if (role === 'label' && c.role === 'label') c.role = 'feature';
  }
}

/** The label the table names, and an override for each other column whose type or role the user changed. */
export function formChoices(columns: EditableColumn[]): { labelColumn: string | null; columns: ColumnChoice[] } {
  const label = columns.find((c) => c.role === 'label');
  const changed: ColumnChoice[] = [];
  for (const c of columns) {
    if (c.role === 'label') continue;
    const choice: ColumnChoice = { name: c.profile.name };
    if (c.type !== c.profile.type) choice.type = c.type;
    if (c.role !== c.profile.role || (c.profile.role === 'label' && c.role !== 'label')) choice.role = c.role;
    if (choice.type || choice.role) changed.push(choice);
  }
  return { labelColumn: label ? label.profile.name : null, columns: changed };
}

/** Missing cells as a percentage of the rows kept, e.g. "12.5 %"; "0 %" when none. */
export function missingPercent(missing: number, rows: number): string {
  if (missing === 0 || rows === 0) return '0 %';
  const p = (100 * missing) / rows;
  return `${p < 0.1 ? '<0.1' : p.toFixed(p < 10 ? 1 : 0)} %`;
}

export function distinctText(c: ColumnInfo): string {
  return c.distinctCapped ? `> ${c.distinct}` : String(c.distinct);
}

/** What a column's role cell says: the role, and why when it is ignored. */
export function reasonText(c: ColumnInfo): string {
  switch (c.ignoredReason) {
    case 'identifier': return 'identifier (distinct on nearly every row)';
    case 'constant': return 'constant';
    case 'free_text': return 'free text';
    case 'user': return 'set by you';
    default: return '';
  }
}
