import { fileURLToPath } from 'node:url';
import vue from '@vitejs/plugin-vue';
import { defineConfig } from 'vite';
import { chunkName } from './build/chunks';
import { precompress } from './build/precompress';

const root = fileURLToPath(new URL('.', import.meta.url));

export default defineConfig({
  root,
  base: '/',
  plugins: [vue(), precompress()],
  build: {
    outDir: 'dist',
    emptyOutDir: true,
    // dist/.vite/manifest.json: which chunks each page needs (bench/web-budget reads it).
    manifest: true,
    target: 'es2022',
    rolldownOptions: {
      output: {
        // One chunk per area: the parent area never downloads the staff app, nor the other way round
        // (ARCHITECTURE.md section 8). See build/chunks.ts.
        codeSplitting: {
          includeDependenciesRecursively: false,
          groups: [{ name: chunkName }],
        },
      },
    },
  },
  server: { host: '127.0.0.1', port: 5173 },
});
