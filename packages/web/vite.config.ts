import { defineConfig } from 'vite';
import react from '@vitejs/plugin-react';
import { fileURLToPath } from 'node:url';

const root = fileURLToPath(new URL('.', import.meta.url));

export default defineConfig({
  root,
  plugins: [react()],
  build: {
    outDir: 'dist',
    emptyOutDir: true,
    chunkSizeWarningLimit: 2500,
    rollupOptions: {
      output: {
        // the big libraries in chunks of their own: smaller app chunk, and the browser keeps them across releases
        manualChunks(id) {
          if (!id.includes('node_modules')) return undefined;
          if (/node_modules\/(echarts|zrender)\//.test(id)) return 'echarts';
          if (/node_modules\/(antd|@ant-design|rc-[^/]+|@rc-component)\//.test(id)) return 'antd';
          if (/node_modules\/(react|react-dom|react-router|react-router-dom|scheduler)\//.test(id)) return 'react';
          return 'vendor';
        },
      },
    },
  },
  // dev server: the API of a running `npm start` (FUYOU_API, default http://localhost:3000); the Host header is
  // kept so that the API's same-origin check on writes accepts the dev server's Origin
  server: {
    port: 5173,
    proxy: { '/api': { target: process.env.FUYOU_API ?? 'http://localhost:3000', changeOrigin: false } },
  },
});
