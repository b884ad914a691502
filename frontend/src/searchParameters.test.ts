import { describe, expect, test } from 'vitest';
import type { SearchDetail } from './api';
import { fixedParametersHtml, notApplicable } from './searchParameters';
import { esc, formatParam } from './format';

const use = (name: string, fixed: unknown, notApplicable: string | null = null) =>
  ({ name, varying: false, axis: 'value', categories: null, fixed, notApplicable });

function detail(parameters: ReturnType<typeof use>[]): SearchDetail {
  return { parameters } as unknown as SearchDetail;
}

describe('fixed parameters in the header', () => {
  test('those no trial can use come last, greyed, with the condition they need', () => {
    const d = detail([use('momentum', 0.9, 'optimizer is momentum'), use('epochs', 5), use('optimizer', 'adam')]);
    const html = fixedParametersHtml(d, esc, formatParam);
    expect(html.indexOf('epochs=5')).toBeLessThan(html.indexOf('momentum=0.9'));
    expect(html).toContain('<code>optimizer=adam</code>');
    expect(html).toContain('<code class="inactive" title="not applicable unless optimizer is momentum">momentum=0.9');
    expect(html).toContain('n/a unless optimizer is momentum');
    expect(notApplicable(d.parameters![0])).toBe(true);
    expect(notApplicable(d.parameters![1])).toBe(false);
  });

  test('a server without the field shows every fixed parameter as applying', () => {
    const d = detail([{ name: 'l2', varying: false, axis: 'value', categories: null, fixed: 0 } as ReturnType<typeof use>]);
    expect(fixedParametersHtml(d, esc, formatParam)).toBe('<code>l2=0</code>');
  });
});
