import react from '@vitejs/plugin-react';
import { defineConfig } from 'vite';

const gateway = process.env.LAYANAN_GATEWAY_URL ?? 'http://127.0.0.1:4000';

export default defineConfig({
  plugins: [react()],
  server: {
    port: 5501,
    proxy: {
      '/graphql': gateway,
      '/web-config.json': gateway,
      '/reports': gateway,
      '/open-data': gateway,
    },
  },
  build: {
    outDir: 'dist',
    sourcemap: true,
    chunkSizeWarningLimit: 400,
  },
});
