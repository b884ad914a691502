// The model page's predict box: rows pasted as JSON ({"rows": [...]} or a bare array of objects) or as CSV
// (a header line of column names, then one line per row). An empty CSV cell is a missing value (null). With the
// model's column types, a cell is sent as its column takes it: categorical and date columns as text (a category
// "3" stays "3"), boolean ones as true/false (from true/false, yes/no, 1/0), numeric ones as numbers; JSON numbers
// for categorical columns become text too. A cell that does not fit is sent as typed; the server's 400 names it.

import type { PredictRow } from './api';

export type ParsedRows = { rows: PredictRow[] } | { error: string };

/** Column name to its type in the model's feature schema (numeric, boolean, categorical, date). */
export type ColumnTypes = Record<string, string>;

export function parsePredictInput(text: string, types: ColumnTypes = {}): ParsedRows {
  const trimmed = text.trim();
  if (trimmed === '') return { error: 'Paste rows as CSV (a header line, then rows) or JSON.' };
  if (trimmed.startsWith('{') || trimmed.startsWith('[')) return parseJson(trimmed, types);
  return parseCsv(trimmed, types);
}

function parseJson(text: string, types: ColumnTypes): ParsedRows {
  let value: unknown;
  try {
    value = JSON.parse(text);
  } catch (e) {
    return { error: `Not valid JSON: ${(e as Error).message}` };
  }
  const rows = Array.isArray(value) ? value : (value as Record<string, unknown>)?.rows;
  if (!Array.isArray(rows) || !rows.every((r) => r !== null && typeof r === 'object' && !Array.isArray(r))) {
    return { error: 'JSON must be {"rows": [{...}, ...]} or an array of objects keyed by column name.' };
  }
  return {
    rows: (rows as PredictRow[]).map((row) => {
      const out: PredictRow = { ...row };
      for (const [name, v] of Object.entries(row)) {
        if (types[name] === 'categorical' && typeof v === 'number') out[name] = String(v);
      }
      return out;
    }),
  };
}

function parseCsv(text: string, types: ColumnTypes): ParsedRows {
  const lines = text.split(/\r?\n/).filter((l) => l.trim() !== '');
  const header = splitCsvLine(lines[0]);
  if (lines.length < 2) return { error: 'CSV needs a header line and at least one row.' };
  const rows: PredictRow[] = [];
  for (let i = 1; i < lines.length; i++) {
    const cells = splitCsvLine(lines[i]);
    if (cells.length !== header.length) {
      return { error: `CSV line ${i + 1} has ${cells.length} cells, the header has ${header.length}.` };
    }
    const row: PredictRow = {};
    header.forEach((name, j) => {
      row[name] = cellValue(cells[j], types[name]);
    });
    rows.push(row);
  }
  return { rows };
}

function cellValue(cell: string, type: string | undefined): number | string | boolean | null {
  const t = cell.trim();
  if (t === '') return null;
  if (type === 'categorical' || type === 'date') return t;
  if (type === 'boolean') {
    const b = t.toLowerCase();
    if (b === 'true' || b === 'yes' || b === '1') return true;
    if (b === 'false' || b === 'no' || b === '0') return false;
    return t;
  }
  const n = Number(t);
  return Number.isFinite(n) ? n : cell;
}

/** One CSV line into cells: commas separate, double quotes enclose (a doubled quote is a quote). */
export function splitCsvLine(line: string): string[] {
  const cells: string[] = [];
  let cell = '';
  let quoted = false;
  for (let i = 0; i < line.length; i++) {
    const c = line[i];
    if (quoted) {
      if (c === '"' && line[i + 1] === '"') {
        cell += '"';
        i++;
      } else if (c === '"') {
        quoted = false;
      } else {
        cell += c;
      }
    } else if (c === '"') {
      quoted = true;
    } else if (c === ',') {
      cells.push(cell);
      cell = '';
    } else {
      cell += c;
    }
  }
  cells.push(cell);
  return cells.map((c) => c.trim());
}
