import react from '@vitejs/plugin-react';
import { defineConfig } from 'vite';

// The web app lives in web/; the server serves the built files from dist/web (same origin as the API).
export default defineConfig({
  root: 'web',
  plugins: [react()],
  build: {
    outDir: '../dist/web',
    emptyOutDir: true,
    // One CSS file and module scripts only: the CSP allows no inline script or style.
    cssCodeSplit: false,
  },
});
