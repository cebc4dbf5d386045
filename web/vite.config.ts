// Builds the UI into dist/: index.html plus content-hashed assets, no inline
// scripts or styles (the server's CSP is script-src 'self'; style-src 'self').
import { defineConfig } from "vitest/config";

export default defineConfig({
  esbuild: { jsx: "automatic", jsxImportSource: "preact" },
  build: {
    outDir: "dist",
    emptyOutDir: true,
    // Never inline assets as data: URLs (CSP img-src/font-src stay 'self').
    assetsInlineLimit: 0,
    // No module-preload polyfill: it is an inline script.
    modulePreload: { polyfill: false },
    sourcemap: false,
    target: "es2020",
  },
  test: {
    include: ["src/**/*.test.ts", "src/**/*.test.tsx"],
    environment: "node",
  },
});
