import { fileURLToPath } from 'node:url';
import react from '@vitejs/plugin-react';
import { defineConfig } from 'vite';

const root = fileURLToPath(new URL('.', import.meta.url));
// The API server for `vite dev`; JAMKESDA_API points elsewhere when 3000 is taken.
const api = process.env.JAMKESDA_API ?? 'http://127.0.0.1:3000';

export default defineConfig({
  root,
  base: '/',
  plugins: [react()],
  // Type-only imports of the server's schemas (`import type … from '@server/modules/x/schemas'`) vanish in the build;
  // the alias is here so an editor and vite resolve them the same way tsc does.
  resolve: { alias: { '@server': fileURLToPath(new URL('../src', import.meta.url)) } },
  build: {
    // JK_WEB_DIST lets several builds (parallel work trees, CI shards) keep apart.
    outDir: process.env.JK_WEB_DIST ?? 'dist',
    emptyOutDir: true,
    sourcemap: false,
    chunkSizeWarningLimit: 700,
  },
  server: {
    port: 5173,
    proxy: {
      '/api': { target: api, changeOrigin: false },
      '/healthz': { target: api, changeOrigin: false },
    },
  },
});
