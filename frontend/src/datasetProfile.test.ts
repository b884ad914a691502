import { describe, expect, it } from 'vitest';
import type { ColumnInfo } from './api';
import { editable, formChoices, missingPercent, setRole } from './datasetProfile';

function col(name: string, type: string, role: string, extra: Partial<ColumnInfo> = {}): ColumnInfo {
  return { name, type, role, missing: 0, distinct: 3, distinctCapped: false, examples: [], ...extra } as ColumnInfo;
}

describe('profile edits', () => {
  const profile = [col('id', 'categorical', 'ignored', { ignoredReason: 'identifier' }), col('age', 'numeric', 'feature'),
    col('city', 'categorical', 'feature'), col('churn', 'categorical', 'label')];

  it('sends nothing but the label when nothing changed', () => {
    expect(formChoices(editable(profile))).toEqual({ labelColumn: 'churn', columns: [] });
  });

  it('sends each changed type or role, by column', () => {
    const cols = editable(profile);
    cols[0].role = 'feature';
    cols[1].type = 'categorical';
    expect(formChoices(cols).columns).toEqual([{ name: 'id', role: 'feature' }, { name: 'age', type: 'categorical' }]);
  });

  it('moves the label: the former label becomes a feature, and is sent as one', () => {
    const cols = editable(profile);
    setRole(cols, 'city', 'label');
    expect(cols.map((c) => c.role)).toEqual(['ignored', 'feature', 'label', 'feature']);
    expect(formChoices(cols)).toEqual({ labelColumn: 'city', columns: [{ name: 'churn', role: 'feature' }] });
  });

  it('shows missing cells as a share of the rows', () => {
    expect(missingPercent(0, 30)).toBe('0 %');
    expect(missingPercent(7, 30)).toBe('23 %');
    expect(missingPercent(1, 30)).toBe('3.3 %');
    expect(missingPercent(1, 100000)).toBe('<0.1 %');
  });
});
