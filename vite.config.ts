import { defineConfig } from "vitest/config";
import react from "@vitejs/plugin-react";
import { responseHeaders } from "./server/responseHeaders.ts";

export default defineConfig({
  base: "./",
  // Cross-origin isolation and the Content-Security-Policy, on every response of dev and preview.
  plugins: [react(), responseHeaders()],
  server: { port: 5173, strictPort: false },
  preview: { port: 4173, strictPort: false },
  // Python's class names are the runtime's class names (Process, ValueError...): keep them.
  worker: { format: "es", rolldownOptions: { output: { keepNames: true } } },
  build: { target: "es2022", chunkSizeWarningLimit: 8000, rolldownOptions: { output: { keepNames: true } } },
  // Found late otherwise (they are only imported by the kernel worker), which stalls the first run.
  optimizeDeps: { include: ["acorn", "sucrase", "comlink", "lz-string"] },
  test: {
    include: ["src/**/*.test.ts", "bench/**/*.test.ts", "docs/**/*.test.ts", "server/**/*.test.ts"],
    environment: "node",
    testTimeout: 30000,
    hookTimeout: 30000,
    pool: "forks",
  },
});
