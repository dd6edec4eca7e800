import js from "@eslint/js";
import tseslint from "typescript-eslint";
import reactHooks from "eslint-plugin-react-hooks";
import globals from "globals";

/**
 * Lint makes ARCHITECTURE.md's rules real: the layers point one way (ui -> state ->
 * runtime), each kind of worker has one owner, and the kernel is driven only by the
 * clock and timers its platform gives it.
 */

/** The only modules that create workers or speak comlink. */
const WORKER_OWNERS = [
  "src/state/kernelBridge.ts",
  "src/runtime/kernel/kernel.worker.ts",
  "src/runtime/kernel/browserPlatform.ts",
  "src/runtime/node/nodePlatform.ts",
];
/** Programs written against the snippet API: a snippet's own class may well be called Worker. */
const SNIPPETS = [
  "src/examples/**/*.ts",
  "e2e/snippets/**/*.ts",
  "src/runtime/conformance/cases/*.ts",
  "src/runtime/programs/*.ts",
  "bench/programs/*.ts",
];

const comlink = { group: ["comlink", "comlink/*"], message: "Only the worker owners speak comlink (ARCHITECTURE.md)." };
/** A thread's own entry may import parentPort; only the Node platform starts threads. */
const threadStart = ["worker_threads", "node:worker_threads"].map((name) => ({
  name,
  importNames: ["Worker"],
  message: "Only src/runtime/node/nodePlatform.ts starts threads: use its startThread.",
}));
const react = {
  group: ["react", "react/*", "react-dom", "react-dom/*", "monaco-editor", "monaco-editor/*"],
  message: "No React, DOM or Monaco here.",
};
const runtimeLayer = [
  react,
  { group: ["**/ui/**", "**/state/**"], message: "src/runtime must not depend on state or ui." },
  { group: ["zustand", "zustand/*"], message: "src/runtime runs in workers and Node: no stores." },
];
const stateLayer = [
  react,
  { group: ["**/ui/**"], message: "state must not depend on ui." },
  { group: ["zustand/react", "zustand/react/*"], message: "state is React-free: use zustand/vanilla." },
];
const zustandReact = [{ name: "zustand", message: "state is React-free: import createStore from zustand/vanilla." }];
const uiLayer = [{ group: ["**/runtime/**"], message: "ui talks to the runtime only through src/state." }];

/** Lists the import bans of a layer, with or without comlink and thread starting. */
const imports = (patterns, { owner = false, paths = [] } = {}) => [
  "error",
  { patterns: owner ? patterns : [comlink, ...patterns], paths: owner ? paths : [...threadStart, ...paths] },
];

const noOnly = {
  selector: "CallExpression[callee.property.name='only'][callee.object.name=/^(test|it|describe)$/]",
  message: "No .only in tests.",
};
const noNewWorker = {
  selector: "NewExpression[callee.name=/^(Worker|SharedWorker)$/]",
  message: "Only the worker owners create workers (ARCHITECTURE.md).",
};
const noAmbientTime = [
  {
    selector: "CallExpression[callee.name=/^(setTimeout|setInterval|clearTimeout|clearInterval)$/]",
    message: "The kernel sets timers only through its platform (WorkerPlatform.timers).",
  },
  {
    selector: "MemberExpression[object.name=/^(performance|Date)$/][property.name='now']",
    message: "The kernel reads time only through its platform (WorkerPlatform.now).",
  },
  { selector: "NewExpression[callee.name='Date']", message: "The kernel reads time only through its platform." },
];

export default tseslint.config(
  { ignores: ["dist", "node_modules", "tmp", "test-results", "playwright-report", "bench/results", "public/**/*.js"] },
  js.configs.recommended,
  ...tseslint.configs.recommended,
  {
    languageOptions: { globals: { ...globals.browser, ...globals.node } },
    rules: {
      "@typescript-eslint/no-unused-vars": ["error", { argsIgnorePattern: "^_", varsIgnorePattern: "^_" }],
      "@typescript-eslint/no-explicit-any": "off",
      "@typescript-eslint/consistent-type-imports": ["error", { fixStyle: "inline-type-imports" }],
      "no-restricted-syntax": ["error", noOnly, noNewWorker],
      "no-restricted-imports": imports([]),
    },
  },
  { files: ["src/runtime/**/*.ts"], rules: { "no-restricted-imports": imports(runtimeLayer) } },
  {
    files: ["src/runtime/kernel/**/*.ts"],
    ignores: ["src/runtime/kernel/**/*.test.ts", "src/runtime/kernel/browserPlatform.ts"],
    rules: { "no-restricted-syntax": ["error", noOnly, noNewWorker, ...noAmbientTime] },
  },
  { files: ["src/state/**/*.ts"], rules: { "no-restricted-imports": imports(stateLayer, { paths: zustandReact }) } },
  {
    files: ["src/ui/**/*.{ts,tsx}"],
    plugins: { "react-hooks": reactHooks },
    rules: { ...reactHooks.configs.recommended.rules, "no-restricted-imports": imports(uiLayer) },
  },
  // The owners stay inside their layers, but may start workers and speak comlink.
  { files: WORKER_OWNERS, rules: { "no-restricted-syntax": ["error", noOnly] } },
  {
    files: ["src/state/kernelBridge.ts"],
    rules: { "no-restricted-imports": imports(stateLayer, { owner: true, paths: zustandReact }) },
  },
  {
    files: WORKER_OWNERS.filter((f) => f.startsWith("src/runtime/")),
    rules: { "no-restricted-imports": imports(runtimeLayer, { owner: true }) },
  },
  {
    files: SNIPPETS,
    ignores: ["src/runtime/programs/index.ts", "src/runtime/programs/*.test.ts"],
    rules: {
      "no-restricted-syntax": ["error", noOnly],
      // `import { Array } from "multiprocessing"` shadows the global: `new Array("i", 10)` is a shared array.
      "@typescript-eslint/no-array-constructor": "off",
    },
  },
  // The snippet API is one ambient declaration file: it names other ambient modules' types inline.
  {
    files: ["src/shim/playground.d.ts"],
    rules: { "@typescript-eslint/consistent-type-imports": ["error", { disallowTypeAnnotations: false }] },
  },
);
