/**
 * Python's exception classes, as snippets and the runtime raise them.
 *
 * Learners compare the playground's output with CPython's, so each class
 * mirrors its Python twin: the same name (`e.name`, `e.constructor.name`),
 * the same base classes (so `instanceof` answers what `except` would), the
 * same `args`, and `e.message` holding what Python's `str(e)` gives.
 * The class's Python module (for `_queue.Empty` in tracebacks, as CPython
 * prints it) is the `__module__` static that pyrepr.ts also reads.
 */
import { classModule, errorClassName, pyRepr, pyReprTuple, pyStr } from "./pyrepr";

/** The engine's own TypeError, which our `TypeError` below shadows in this module. */
const NativeTypeError = globalThis.TypeError;

/** Python's `BaseException.__str__`: '' for no args, str of a single arg, else the args tuple. */
function strOfArgs(args: readonly unknown[]): string {
  if (args.length === 0) return "";
  if (args.length === 1) return pyStr(args[0]);
  return pyReprTuple(args);
}

/**
 * The root of every Python exception. Takes Python's positional args:
 * `new ValueError("bad")`, `new KeyError(key)`, `new OSError(2, "no file")`.
 * A single `undefined` counts as no argument, so runtime code can forward an
 * optional message without turning it into `None`.
 */
export class BaseException extends Error {
  /** Python's `e.args`. */
  args: unknown[];

  constructor(...args: unknown[]) {
    const normalized = args.length === 1 && args[0] === undefined ? [] : args;
    super(strOfArgs(normalized));
    // Own and non-enumerable, from new.target: every subclass, a snippet's too, gets its own name.
    Object.defineProperty(this, "name", {
      value: new.target.name,
      writable: true,
      configurable: true,
      enumerable: false,
    });
    this.args = normalized;
  }
}

export class Exception extends BaseException {}
export class ValueError extends Exception {}
export class LookupError extends Exception {}
export class IndexError extends LookupError {}
export class RuntimeError extends Exception {}
export class NotImplementedError extends RuntimeError {}
export class AssertionError extends Exception {}
export class EOFError extends Exception {}
/** Raised by the runtime where CPython's attribute lookup fails (`'c_int' object has no attribute 'get_lock'`). */
export class AttributeError extends Exception {}
/**
 * Python's OSError(errno, strerror[, filename[, winerror[, filename2]]]):
 * with 2 to 5 args its str is `[Errno 5] strerror`, plus `: 'filename'`
 * (and ` -> 'filename2'`), and a filename is dropped from `args`, as CPython
 * does. CPython's mapping of errno to subclasses (2 -> FileNotFoundError) is
 * not reproduced.
 */
export class OSError extends Exception {
  errno: unknown = null;
  strerror: unknown = null;
  filename: unknown = null;
  filename2: unknown = null;

  constructor(...args: unknown[]) {
    super(...args);
    const a = this.args;
    if (a.length < 2 || a.length > 5) return;
    this.errno = a[0];
    this.strerror = a[1];
    this.message = `[Errno ${pyStr(a[0])}] ${pyStr(a[1])}`;
    const filename = a[2] ?? null;
    if (filename === null) return;
    this.filename = filename;
    this.filename2 = a[4] ?? null;
    this.message += `: ${pyRepr(filename)}` + (this.filename2 === null ? "" : ` -> ${pyRepr(this.filename2)}`);
    this.args = a.slice(0, 2);
  }
}
export class ConnectionError extends OSError {}
/** What a snippet gets for an API the sandbox withholds (process/sandbox.ts); caught as OSError. */
export class PermissionError extends OSError {}
export class BrokenPipeError extends ConnectionError {}
/** The builtin TimeoutError (an OSError); multiprocessing's own is MpTimeoutError. */
export class TimeoutError extends OSError {}
export class ImportError extends Exception {}
export class ModuleNotFoundError extends ImportError {}
export class KeyboardInterrupt extends BaseException {}

/**
 * Also answers true for the engine's native TypeError (`undefined is not a
 * function`...), so a snippet's `e instanceof TypeError` catches what Python's
 * `except TypeError` would. Subclasses keep ordinary instanceof.
 */
export class TypeError extends Exception {
  static override [Symbol.hasInstance](value: unknown): boolean {
    if (this === TypeError && value instanceof NativeTypeError) return true;
    return Function.prototype[Symbol.hasInstance].call(this, value);
  }
}

/** Python's str of a KeyError is the repr of its key: `KeyError: 'missing'`. */
export class KeyError extends LookupError {
  constructor(...args: unknown[]) {
    super(...args);
    if (this.args.length === 1) this.message = pyRepr(this.args[0]);
  }
}

/**
 * Raised by `sys.exit(code)`. `code` is Python's: null for no argument, the
 * argument itself, or the args when several. Unlike CPython (where
 * `str(SystemExit(None))` is 'None') the message is '' for a null code, since
 * nothing is printed for it.
 */
export class SystemExit extends BaseException {
  code: unknown;

  constructor(...args: unknown[]) {
    super(...args);
    this.code = this.args.length === 0 ? null : this.args.length === 1 ? (this.args[0] ?? null) : this.args;
    if (this.code === null) this.message = "";
  }
}

/** pickle.PickleError, the base of PicklingError. */
export class PickleError extends Exception {}
export class PicklingError extends PickleError {}

/**
 * What pickle says of a function or class it cannot find by name in `__main__`: the
 * receiving process looks it up there, as CPython's spawn does. `what` is its repr,
 * `<function f>` or `<class '__main__.C'>`.
 */
export function cantPickleByName(what: string, name: string): PicklingError {
  return new PicklingError(`Can't pickle ${what}: attribute lookup ${name} on __main__ failed`);
}

/** queue.Empty: raised by non-blocking or timed-out gets; normally without a message. */
export class Empty extends Exception {}
/** queue.Full: raised by non-blocking or timed-out puts; normally without a message. */
export class Full extends Exception {}

export class ProcessError extends Exception {}
export class AuthenticationError extends ProcessError {}
export class BufferTooShort extends ProcessError {}

/**
 * multiprocessing.TimeoutError (Pool timeouts): a class distinct from the
 * builtin, yet named "TimeoutError" as in Python, hence the named class expression.
 */
export const MpTimeoutError = class TimeoutError extends ProcessError {};
export type MpTimeoutError = InstanceType<typeof MpTimeoutError>;

/** threading.BrokenBarrierError, which multiprocessing re-exports. */
export class BrokenBarrierError extends RuntimeError {}

const MODULES: ReadonlyArray<[object, string]> = [
  [BaseException, "builtins"],
  [Exception, "builtins"],
  [ValueError, "builtins"],
  [TypeError, "builtins"],
  [LookupError, "builtins"],
  [IndexError, "builtins"],
  [KeyError, "builtins"],
  [RuntimeError, "builtins"],
  [NotImplementedError, "builtins"],
  [AssertionError, "builtins"],
  [EOFError, "builtins"],
  [AttributeError, "builtins"],
  [OSError, "builtins"],
  [ConnectionError, "builtins"],
  [PermissionError, "builtins"],
  [BrokenPipeError, "builtins"],
  [TimeoutError, "builtins"],
  [ImportError, "builtins"],
  [ModuleNotFoundError, "builtins"],
  [SystemExit, "builtins"],
  [KeyboardInterrupt, "builtins"],
  [PickleError, "_pickle"],
  [PicklingError, "_pickle"],
  [Empty, "_queue"],
  [Full, "queue"],
  [ProcessError, "multiprocessing.context"],
  [AuthenticationError, "multiprocessing.context"],
  [BufferTooShort, "multiprocessing.context"],
  [MpTimeoutError, "multiprocessing.context"],
  [BrokenBarrierError, "threading"],
];
for (const [cls, mod] of MODULES) Object.defineProperty(cls, "__module__", { value: mod, enumerable: false });

/** The exception classes a snippet sees as globals, as Python's builtins (plus PicklingError, as the spec asks). */
export const builtinExceptions = Object.freeze({
  ValueError,
  TypeError,
  IndexError,
  KeyError,
  RuntimeError,
  NotImplementedError,
  AssertionError,
  EOFError,
  OSError,
  BrokenPipeError,
  TimeoutError,
  PicklingError,
  SystemExit,
  KeyboardInterrupt,
  BaseException,
  Exception,
  ModuleNotFoundError,
});

function isErrorLike(e: unknown): e is Error {
  return e instanceof Error || Object.prototype.toString.call(e) === "[object Error]";
}

/**
 * The class name Python would give a raised value: ours and engine errors by
 * their name ('ValueError', 'RangeError'), a snippet's own Error subclasses by
 * their class. A thrown non-Error value is 'Exception': Python would refuse to
 * raise it at all (TypeError: exceptions must derive from BaseException), but
 * naming the offending statement's error is less useful than showing the value.
 */
export function pyClassName(e: unknown): string {
  return isErrorLike(e) ? errorClassName(e) : "Exception";
}

/**
 * The last line of a CPython traceback: `ValueError: bad value`, or only the
 * class name when str(e) is empty (`EOFError`). As CPython does, a class from
 * a module other than builtins/__main__ is qualified: `_queue.Empty`,
 * `multiprocessing.context.TimeoutError`. SystemExit shows its code.
 * A thrown non-Error value v gives `Exception: <str(v)>` (see pyClassName).
 */
export function exceptionLine(e: unknown): string {
  let name = pyClassName(e);
  if (isErrorLike(e)) {
    const ctor: unknown = (Object.getPrototypeOf(e) as { constructor?: unknown } | null)?.constructor;
    const mod = classModule(ctor);
    if (mod !== "builtins" && mod !== "__main__" && typeof ctor === "function" && ctor.name === name)
      name = `${mod}.${name}`;
  }
  const text = pyStr(e);
  return text ? `${name}: ${text}` : name;
}
