import { defineConfig } from 'vitest/config';
import { compressAssets } from './build/compressAssets';

// Built into the jar's classpath: Spring Boot serves target/classes/static at /.
export default defineConfig({
  base: './',
  plugins: [compressAssets()],
  build: {
    outDir: '../target/classes/static',
    emptyOutDir: true,
    chunkSizeWarningLimit: 1200,
  },
  server: {
    proxy: { '/api': 'http://localhost:8080' },
  },
  test: {
    include: ['src/**/*.test.ts', 'build/**/*.test.ts'],
    environment: 'node',
  },
});
