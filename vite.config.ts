import react from "@vitejs/plugin-react";
import { defineConfig } from "vite";

// The SPA lives in web/ and is built into dist/web, which src/server/web.ts serves; `npm run dev:web`
// serves it with hot reload and forwards the API to a running `npm start` (or `npm run dev`).
export default defineConfig({
  root: "web",
  plugins: [react()],
  build: {
    outDir: "../dist/web",
    emptyOutDir: true,
    manifest: true,
    // No inline <script> or data: modules: the Content-Security-Policy allows scripts from 'self' only.
    assetsInlineLimit: 0,
    modulePreload: { polyfill: false },
    target: "es2022",
  },
  server: {
    proxy: {
      "/api": "http://127.0.0.1:4000",
      "/healthz": "http://127.0.0.1:4000",
    },
  },
});
