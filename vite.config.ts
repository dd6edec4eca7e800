import { defineConfig } from "vitest/config";
import react from "@vitejs/plugin-react";

/** SharedArrayBuffer needs cross-origin isolation, in dev and in the built preview alike. */
const isolationHeaders = {
  "Cross-Origin-Opener-Policy": "same-origin",
  "Cross-Origin-Embedder-Policy": "require-corp",
  "Cross-Origin-Resource-Policy": "same-origin",
};

export default defineConfig({
  base: "./",
  plugins: [react()],
  server: { headers: isolationHeaders, port: 5173, strictPort: false },
  preview: { headers: isolationHeaders, port: 4173, strictPort: false },
  // Python's class names are the runtime's class names (Process, ValueError...): keep them.
  worker: { format: "es", rolldownOptions: { output: { keepNames: true } } },
  build: { target: "es2022", chunkSizeWarningLimit: 8000, rolldownOptions: { output: { keepNames: true } } },
  // Found late otherwise (they are only imported by the kernel worker), which stalls the first run.
  optimizeDeps: { include: ["acorn", "sucrase", "comlink", "lz-string"] },
  test: {
    include: ["src/**/*.test.ts", "bench/**/*.test.ts", "docs/**/*.test.ts"],
    environment: "node",
    testTimeout: 30000,
    hookTimeout: 30000,
    pool: "forks",
  },
});
