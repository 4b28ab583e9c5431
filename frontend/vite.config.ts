// Vite config: the production build (served by the Rust server at /) and the dev server proxy.
import react from '@vitejs/plugin-react';
import { defineConfig } from 'vite';

const api = process.env.SYNAPSE_API ?? 'http://127.0.0.1:8000';

export default defineConfig({
  base: '/',
  plugins: [react()],
  build: { outDir: 'dist', sourcemap: true },
  server: {
    proxy: {
      '/graphql': { target: api, ws: true, changeOrigin: true },
      '/graphiql': { target: api, changeOrigin: true },
      '/api': { target: api, changeOrigin: true },
    },
  },
});
