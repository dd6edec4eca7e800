/**
 * How every process evaluates the compiled module. Kept apart from transpile.ts so
 * process workers never load the compiler (sucrase, acorn): only the kernel compiles.
 */
import type { CompiledModule } from "../protocol";

/** The location register the instrumented code writes each call's line to (instrument.ts). */
export const LOC = "__mp_loc";

/**
 * Wraps the module so that line 1 of the user's file is line 1 of the evaluated
 * code, and the module's top-level bindings can be looked up by name later.
 *
 * The globals live in an outer function, so a snippet may shadow any of them
 * (`const print = ...`) as Python lets a module shadow a builtin. The lookup closure
 * reads `const`s lazily: a name still in its temporal dead zone reads as absent.
 * Evaluating the result gives `(globals) => moduleFunction`.
 */
export function wrapModule(mod: CompiledModule): string {
  const cases = mod.topLevel.map((n) => `case ${JSON.stringify(n)}: return ${n};`).join(" ");
  return (
    `(function (__mp_globals__) { const { ${GLOBAL_NAMES.join(", ")} } = __mp_globals__; ` +
    `return function __mp_module__(require, exports, module, __mp_bind__, __name__) {"use strict"; ` +
    `__mp_bind__(function (n) { switch (n) { ${cases} } return undefined; });` +
    mod.js +
    `\n}; })\n//# sourceURL=${mod.filename}\n`
  );
}

/** Globals a snippet sees besides the standard JavaScript ones (spec section 1). */
export const GLOBAL_NAMES = [
  LOC,
  "print",
  "with_",
  "console",
  "ValueError",
  "TypeError",
  "IndexError",
  "KeyError",
  "RuntimeError",
  "NotImplementedError",
  "AssertionError",
  "EOFError",
  "OSError",
  "BrokenPipeError",
  "TimeoutError",
  "PicklingError",
  "SystemExit",
  "KeyboardInterrupt",
  "BaseException",
  "Exception",
  "ModuleNotFoundError",
] as const;
