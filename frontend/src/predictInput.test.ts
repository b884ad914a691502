import { describe, expect, it } from 'vitest';
import { parsePredictInput, splitCsvLine } from './predictInput';

describe('parsePredictInput', () => {
  it('reads CSV with a header: numbers as numbers, empty cells as missing, other text kept', () => {
    expect(parsePredictInput('a,b,c\n1.5,,x\n-2,3e2,"y, z"')).toEqual({
      rows: [{ a: 1.5, b: null, c: 'x' }, { a: -2, b: 300, c: 'y, z' }],
    });
  });

  it('reads JSON as {"rows": [...]} or a bare array', () => {
    expect(parsePredictInput('{"rows": [{"a": 1, "b": null}]}')).toEqual({ rows: [{ a: 1, b: null }] });
    expect(parsePredictInput('[{"a": "x"}]')).toEqual({ rows: [{ a: 'x' }] });
  });

  it('says what is wrong with input it cannot read', () => {
    expect(parsePredictInput('')).toHaveProperty('error');
    expect(parsePredictInput('{"rows": 3}')).toHaveProperty('error');
    expect(parsePredictInput('[1, 2]')).toHaveProperty('error');
    expect(parsePredictInput('{nope')).toHaveProperty('error');
    expect(parsePredictInput('a,b')).toEqual({ error: 'CSV needs a header line and at least one row.' });
    expect(parsePredictInput('a,b\n1')).toEqual({ error: 'CSV line 2 has 1 cells, the header has 2.' });
  });

  it('sends each cell as the model\'s column takes it', () => {
    const types = { age: 'numeric', city: 'categorical', member: 'boolean', signup: 'date' };
    expect(parsePredictInput('age,city,member,signup,extra\n41,3,yes,2024-02-29,7\n,Lyon,0,,x', types)).toEqual({
      rows: [
        { age: 41, city: '3', member: true, signup: '2024-02-29', extra: 7 },
        { age: null, city: 'Lyon', member: false, signup: null, extra: 'x' },
      ],
    });
    expect(parsePredictInput('[{"city": 12, "age": 3}]', types)).toEqual({ rows: [{ city: '12', age: 3 }] });
  });

  it('splits quoted cells with doubled quotes', () => {
    expect(splitCsvLine('"a ""q""",b')).toEqual(['a "q"', 'b']);
  });
});
