import js from "@eslint/js";
import tseslint from "typescript-eslint";
import reactHooks from "eslint-plugin-react-hooks";
import globals from "globals";

/** The layers point one way: ui -> state -> runtime. Lint enforces it. */
const noUiOrState = {
  patterns: [
    { group: ["**/ui/**", "**/state/**"], message: "src/runtime must not depend on state or ui." },
    { group: ["react", "react-dom", "react/*", "monaco-editor", "monaco-editor/*", "zustand", "zustand/*"], message: "src/runtime runs in workers and Node: no React, DOM or Monaco." },
  ],
};

export default tseslint.config(
  { ignores: ["dist", "node_modules", "tmp", "test-results", "playwright-report", "public/**/*.js"] },
  js.configs.recommended,
  ...tseslint.configs.recommended,
  {
    languageOptions: { globals: { ...globals.browser, ...globals.node } },
    rules: {
      "@typescript-eslint/no-unused-vars": ["error", { argsIgnorePattern: "^_", varsIgnorePattern: "^_" }],
      "@typescript-eslint/no-explicit-any": "off",
      "no-restricted-syntax": ["error", { selector: "CallExpression[callee.property.name='only'][callee.object.name=/^(test|it|describe)$/]", message: "No .only in tests." }],
    },
  },
  {
    files: ["src/runtime/**/*.ts"],
    rules: { "no-restricted-imports": ["error", noUiOrState] },
  },
  {
    files: ["src/state/**/*.ts"],
    rules: {
      "no-restricted-imports": ["error", {
        patterns: [
          { group: ["**/ui/**"], message: "state must not depend on ui." },
          { group: ["react-dom", "monaco-editor", "monaco-editor/*"], message: "state is UI-free." },
        ],
      }],
    },
  },
  {
    files: ["src/ui/**/*.{ts,tsx}"],
    plugins: { "react-hooks": reactHooks },
    rules: {
      ...reactHooks.configs.recommended.rules,
      "no-restricted-imports": ["error", {
        patterns: [{ group: ["**/runtime/**", "!**/runtime/events", "!**/runtime/pyrepr"], message: "ui talks to the runtime only through src/state." }],
      }],
    },
  },
  {
    files: ["src/examples/**/*.ts", "e2e/snippets/**/*.ts", "src/runtime/conformance/cases/*.ts"],
    rules: { "@typescript-eslint/no-unused-vars": "off", "no-constant-condition": "off", "@typescript-eslint/triple-slash-reference": "off" },
  },
);
