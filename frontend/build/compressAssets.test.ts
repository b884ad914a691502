/// <reference types="node" />
import { mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync, existsSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { gunzipSync } from 'node:zlib';
import { afterEach, describe, expect, it } from 'vitest';
import { compressFiles } from './compressAssets';

describe('compressFiles', () => {
  let dir = '';
  afterEach(() => rmSync(dir, { recursive: true, force: true }));

  it('writes .gz beside each text file of at least 1 kB, which decompress to it', () => {
    dir = mkdtempSync(join(tmpdir(), 'assets-'));
    mkdirSync(join(dir, 'sub'));
    const script = 'export const x = [' + Array.from({ length: 500 }, (_, i) => i).join(',') + '];\n';
    writeFileSync(join(dir, 'index-abc.js'), script);
    writeFileSync(join(dir, 'sub', 'style-def.css'), 'body { margin: 0 }\n'.repeat(100));
    writeFileSync(join(dir, 'small.js'), 'export {};\n');
    writeFileSync(join(dir, 'logo.png'), Buffer.alloc(4096, 7));

    const done = compressFiles(dir).sort();

    expect(done).toEqual(['index-abc.js', join('sub', 'style-def.css')]);
    expect(gunzipSync(readFileSync(join(dir, 'index-abc.js.gz'))).toString()).toBe(script);
    expect(readFileSync(join(dir, 'index-abc.js.gz')).length).toBeLessThan(script.length);
    expect(gunzipSync(readFileSync(join(dir, 'sub', 'style-def.css.gz'))).toString()).toBe('body { margin: 0 }\n'.repeat(100));
    expect(existsSync(join(dir, 'small.js.gz'))).toBe(false);
    expect(existsSync(join(dir, 'logo.png.gz'))).toBe(false);
  });
});
