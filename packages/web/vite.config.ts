import { defineConfig } from 'vite';
import react from '@vitejs/plugin-react';
import { fileURLToPath } from 'node:url';

const root = fileURLToPath(new URL('.', import.meta.url));

export default defineConfig({
  root,
  plugins: [react()],
  build: { outDir: 'dist', emptyOutDir: true, chunkSizeWarningLimit: 2500 },
  // dev server: the API of a running `npm start` (FUYOU_API, default http://localhost:3000); the Host header is
  // kept so that the API's same-origin check on writes accepts the dev server's Origin
  server: {
    port: 5173,
    proxy: { '/api': { target: process.env.FUYOU_API ?? 'http://localhost:3000', changeOrigin: false } },
  },
});
