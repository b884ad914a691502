/// <reference types="node" />
// A Vite plugin: each built script and style (and any other text asset) also written gzip-compressed beside it
// (name.js.gz), once at build time. The server sends it to a browser that accepts gzip (api.UiAssets, Spring's
// EncodedResourceResolver), so no response is compressed per request. No Brotli copy: that resolver takes the
// browser's first accepted coding, and browsers list gzip before br.
import { readdirSync, readFileSync, statSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { constants, gzipSync } from 'node:zlib';
import type { Plugin } from 'vite';

/** Files worth compressing: text, and larger than one packet. */
const TEXT = /\.(js|mjs|css|html|svg|json|txt|map)$/;
const MIN_BYTES = 1024;

/** Writes name.gz beside every text file of at least MIN_BYTES under dir; returns the files compressed. */
export function compressFiles(dir: string): string[] {
  const done: string[] = [];
  for (const name of readdirSync(dir, { recursive: true }) as string[]) {
    const file = join(dir, name);
    if (!TEXT.test(name) || !statSync(file).isFile() || statSync(file).size < MIN_BYTES) continue;
    const bytes = readFileSync(file);
    writeFileSync(`${file}.gz`, gzipSync(bytes, { level: constants.Z_BEST_COMPRESSION }));
    done.push(name);
  }
  return done;
}

/** Compresses the built assets (outDir/assets) after Vite has written them. */
export function compressAssets(): Plugin {
  let outDir = '';
  return {
    name: 'hypersearch-compress-assets',
    apply: 'build',
    configResolved(config) {
      outDir = join(config.root, config.build.outDir);
    },
    writeBundle() {
      compressFiles(join(outDir, 'assets'));
    },
  };
}
