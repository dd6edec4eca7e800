#!/usr/bin/env node
// Runs the TypeScript CLI through tsx (the process workers use the same loader).
import { register } from "tsx/esm/api";

register();
await import("../src/cli/main.ts");
