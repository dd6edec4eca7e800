import { defineConfig } from "vite";
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
  worker: { format: "es" },
  build: { target: "es2022", chunkSizeWarningLimit: 8000 },
  test: {
    include: ["src/**/*.test.ts", "bench/**/*.test.ts"],
    environment: "node",
    testTimeout: 30000,
    hookTimeout: 30000,
    pool: "forks",
  },
});
