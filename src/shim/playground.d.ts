/// <reference lib="esnext.disposable" />
/**
 * The Multiprocessing Playground's snippet API: Python's `multiprocessing`, `queue`,
 * `sys`, `time` and `os`, shaped for TypeScript (contract: shim-api.md).
 *
 * This one file is what the editor (completion, hover, type errors) and the
 * examples' type-check see, and it is the source of truth for the runtime's types.
 * It is a global script declaration file: no imports, no DOM, no Node.
 *
 * How Python's signatures map (shim-api.md section 2):
 * - Positional parameters keep Python's order and defaults (optional parameters).
 * - Python's keyword arguments are a trailing options object, standing after every
 *   required positional argument: `q.get({ timeout: 0.5 })` is `q.get(timeout=0.5)`.
 * - `None` is `null`; a tuple is an array; timeouts are seconds; `timeout: null`
 *   waits forever. Blocking calls block for real: no `await` in a snippet.
 * - `with X as x:` is `with_(X, (x) => { ... })`.
 */

// ---------------------------------------------------------------------------
// Builtins: print, __name__, with_
// ---------------------------------------------------------------------------

/**
 * Python's keyword arguments of `print`: `print(x, { end: "" })` is `print(x, end="")`.
 * Only a trailing plain object whose keys are all among these counts as options.
 */
interface PrintOptions {
  /** String inserted between values, default a space. CPython: `sep=" "`. */
  sep?: string | null;
  /** String appended after the last value, default a newline. CPython: `end="\n"`. */
  end?: string | null;
  /** Where to write: `sys.stdout` (default) or `sys.stderr`. CPython: `file=sys.stderr`. */
  file?: import("sys").TextIO | null;
  /** Whether to forcibly flush the stream. CPython: `flush=True`. */
  flush?: boolean;
}

/**
 * Print the values to a stream (`sys.stdout` by default), separated by `sep` and
 * followed by `end`. Each value is shown as Python's `str()` would: strings bare,
 * `null`/`undefined` as `None`, booleans as `True`/`False`, arrays as lists
 * (`['one', 'two', 3]`), plain objects and Maps as dicts (`{'a': 1}`), Sets as sets.
 *
 * Keyword arguments go in a trailing options object:
 * `print("a", "b", { sep: "-", end: "" })` is `print("a", "b", sep="-", end="")`;
 * `print("oops", { file: sys.stderr })` is `print("oops", file=sys.stderr)`.
 * A trailing plain object counts as options only if it has at least one key and
 * every key is one of `sep`, `end`, `file`, `flush`; any other object (`{}`
 * included) is printed as a value.
 */
// Any value is accepted (`{} | null | undefined` is `unknown`); `PrintOptions` is in
// the union so that the editor completes the options object's keys, which a plain
// `unknown[]` (or a `[...unknown[], PrintOptions]` tuple) gives no contextual type.
// eslint-disable-next-line @typescript-eslint/no-empty-object-type
declare function print(...values: (PrintOptions | {} | null | undefined)[]): void;

/**
 * The name of the running module, as in Python. The main process runs the snippet
 * with `"__main__"`; a child process runs the snippet's top level again with
 * `"__mp_main__"` (the `spawn` start method) before calling its target, so code that
 * starts processes belongs inside `if (__name__ === "__main__") { ... }`.
 */
declare const __name__: "__main__" | "__mp_main__" | (string & {});

/**
 * Python's `with` statement. Calls `cm.__enter__()`, runs `body` with what it
 * returned, then calls `cm.__exit__(...)`, also when the body throws (the
 * exception then propagates unless `__exit__` returns true). Returns what the
 * body returned.
 *
 * CPython: `with lock:` ... is `with_(lock, () => { ... })`;
 * `with Pool(4) as pool:` ... is `with_(new Pool(4), (pool) => { ... })`.
 */
declare function with_<T, R>(cm: { __enter__(): T; __exit__(...args: unknown[]): unknown }, body: (value: T) => R): R;

/**
 * The console, as in JavaScript. In a snippet `console.log(...)` writes to
 * `sys.stdout`, like `print` (but formats values the JavaScript way).
 */
interface Console {
  /** Write the values to `sys.stdout`, followed by a newline. */
  log(...data: any[]): void;
}
/** The console: `console.log` writes to `sys.stdout`. */
// `var`, as lib.dom.d.ts and @types/node declare it, so that the declarations merge.
// eslint-disable-next-line no-var
declare var console: Console;

// ---------------------------------------------------------------------------
// Builtin exceptions (shim-api.md section 9). `TypeError` is JavaScript's own.
// For each, `e.name` and `e.constructor.name` are Python's class name and
// `e.message` is what Python's `str(e)` gives.
// ---------------------------------------------------------------------------

/**
 * The base class for all built-in exceptions. `e.args` holds the constructor's
 * arguments, `e.message` is `str(e)`: the single argument, or the repr of the tuple
 * when there are several, or empty. CPython: `raise BaseException("msg")` is
 * `throw new BaseException("msg")`.
 */
declare class BaseException extends Error {
  constructor(...args: unknown[]);
  /** The arguments given to the constructor, as Python's `e.args` tuple. */
  readonly args: unknown[];
}

/**
 * The base class of all built-in, non-system-exiting exceptions; user-defined
 * exceptions should derive from it. CPython: `class MyError(Exception): pass` is
 * `class MyError extends Exception {}`.
 */
declare class Exception extends BaseException {}

/**
 * Raised when an operation or function receives an argument that has the right
 * type but an inappropriate value. CPython: `raise ValueError("bad value")` is
 * `throw new ValueError("bad value")`.
 */
declare class ValueError extends Exception {}

/** Raised when a sequence subscript is out of range. */
declare class IndexError extends Exception {}

/** Raised when a mapping (dictionary) key is not found in the set of existing keys. */
declare class KeyError extends Exception {}

/** Raised when an error is detected that doesn't fall in any of the other categories. */
declare class RuntimeError extends Exception {}

/**
 * Raised when an abstract method, or a feature the playground cannot provide in a
 * browser, is not implemented. A subclass of `RuntimeError`.
 */
declare class NotImplementedError extends RuntimeError {}

/**
 * Raised when an `assert` statement fails; `multiprocessing` also raises it for
 * misuse such as `AssertionError: can only join a started process`.
 */
declare class AssertionError extends Exception {}

/**
 * Raised when an input function hits an end-of-file condition: `conn.recv()` raises
 * it when the other end of the pipe is closed and nothing is left to receive.
 * Its message is empty.
 */
declare class EOFError extends Exception {}

/**
 * Raised when a system function returns a system-related error, e.g.
 * `OSError: handle is closed` when a closed connection is used.
 */
declare class OSError extends Exception {}

/**
 * Raised when trying to write on a pipe while the other end has been closed.
 * A subclass of `OSError` (CPython: of `ConnectionError`).
 */
declare class BrokenPipeError extends OSError {}

/**
 * The builtin `TimeoutError`: raised when a system function timed out at the
 * system level. A subclass of `OSError`. (Pool timeouts raise the distinct
 * `multiprocessing.TimeoutError` instead.)
 */
declare class TimeoutError extends OSError {}

/**
 * Raised when an object cannot be pickled, i.e. copied to another process: a
 * function passed in `args`, or a target that is not reachable by name at the
 * module's top level. CPython: `pickle.PicklingError`.
 */
declare class PicklingError extends Exception {}

/**
 * Raised by `sys.exit()`. Not an `Exception`, so `catch` blocks that test for
 * `Exception` let it through; if uncaught, the process exits with `code`.
 */
declare class SystemExit extends BaseException {
  constructor(code?: number | string | null);
  /**
   * The exit status or message passed to `sys.exit()`: an integer is the exit code,
   * `null` means 0, anything else is printed to stderr and gives exit code 1.
   */
  readonly code: number | string | null;
}

/** Raised when the user hits the interrupt key (the playground's Stop). */
declare class KeyboardInterrupt extends BaseException {}

/**
 * Raised by an import of a module that cannot be found: a snippet may import only
 * `multiprocessing`, `queue`, `sys`, `time` and `os`.
 * A subclass of `ImportError` in CPython.
 */
declare class ModuleNotFoundError extends Exception {}

// ---------------------------------------------------------------------------
// multiprocessing
// ---------------------------------------------------------------------------

/**
 * Process-based parallelism, as in CPython 3.12 with the `spawn` start method: each
 * process runs the snippet's top level again with `__name__ === "__mp_main__"`,
 * then calls its target.
 */
declare module "multiprocessing" {
  // ----- Processes ---------------------------------------------------------

  /** Options of the `Process` constructor, Python's keyword arguments. */
  export interface ProcessOptions {
    /** Always `null` (or absent); it exists for compatibility with `threading.Thread`. */
    group?: null;
    /**
     * The callable object to be invoked by `run()`. It must be reachable by name at
     * the module's top level (a function declaration or a top-level `const`), or
     * `start()` raises `PicklingError`.
     */
    target?: ((...args: any[]) => unknown) | null;
    /** The process name; by default `Process-N` (`Process-1:2` for a grandchild). */
    name?: string | null;
    /** The argument list for the target invocation, copied to the child as pickle would. */
    args?: unknown[];
    /** Whether the process is a daemon; `null` (default) inherits from the creating process. */
    daemon?: boolean | null;
  }

  /**
   * Process objects represent activity that is run in a separate process.
   * CPython: `Process(target=f, args=("x",))` is `new Process({ target: f, args: ["x"] })`.
   *
   * A top-level class that `extends Process` and overrides `run()` works too; the
   * child gets an instance of that class with the parent's data fields copied.
   */
  export class Process {
    /**
     * Create a process object; it does not run until `start()`.
     * CPython: `Process(group=None, target=None, name=None, args=(), *, daemon=None)`.
     */
    constructor(options?: ProcessOptions);
    /**
     * The process's name, a string used for identification only. Settable. The
     * initial name is set by the constructor, by default `Process-N`.
     */
    name: string;
    /**
     * The process's daemon flag. Settable only before `start()`. A daemon process is
     * terminated when its parent exits, and may not create child processes.
     */
    daemon: boolean;
    /** The process ID, or `null` before the process is started. */
    readonly pid: number | null;
    /** The same as `pid`: the process ID, or `null` before the process is started. */
    readonly ident: number | null;
    /**
     * The child's exit code: `null` if it has not yet terminated, 0 after a normal
     * return, `n` after `sys.exit(n)`, 1 after an uncaught exception, `-N` if it was
     * ended by signal N (`terminate()`: -15, `kill()`: -9).
     */
    readonly exitcode: number | null;
    /**
     * Start the process's activity: at most once per process object. It arranges
     * for `run()` to be invoked in a separate process.
     * A second call raises `AssertionError: cannot start a process twice`.
     */
    start(): void;
    /**
     * Method representing the process's activity: it calls `target(...args)`.
     * Override it in a subclass; it runs in the child.
     */
    run(): void;
    /**
     * Block the calling process until this process terminates, or until `timeout`
     * seconds pass (`null`: forever). Returns nothing either way: check `exitcode`
     * or `is_alive()` to tell. Joining an unstarted process raises
     * `AssertionError: can only join a started process`.
     */
    join(timeout?: number | null): void;
    /**
     * Keyword form of `join`. CPython: `p.join(timeout=1)` is `p.join({ timeout: 1 })`.
     */
    join(options: { timeout?: number | null }): void;
    /** Return whether the process is alive: from `start()` until the child terminates. */
    is_alive(): boolean;
    /**
     * Terminate the process with SIGTERM: its exit code becomes -15. Exit handlers and
     * `finally` clauses are not run, and its descendants are not terminated.
     */
    terminate(): void;
    /** Same as `terminate()` but with SIGKILL: its exit code becomes -9. */
    kill(): void;
    /**
     * Close the Process object, releasing its resources. Raises `ValueError` if the
     * process is still running; afterwards most methods and attributes raise `ValueError`.
     */
    close(): void;
  }

  /** Return the `Process` object corresponding to the current process. */
  export function current_process(): Process;

  /**
   * Return the `Process` object corresponding to the parent process of
   * `current_process()`; `null` in the main process.
   */
  export function parent_process(): Process | null;

  /**
   * Return the list of all live children of the current process: the very `Process`
   * objects this process created. Calling it has the side effect of joining any
   * process that has already finished.
   */
  export function active_children(): Process[];

  /**
   * Return the number of CPUs in the system (the browser's
   * `navigator.hardwareConcurrency`). The default size of a `Pool`.
   */
  export function cpu_count(): number;

  /**
   * Return the name of the start method used for starting processes: always
   * `"spawn"` in the playground.
   */
  export function get_start_method(allow_none?: boolean): string;
  /** Keyword form. CPython: `get_start_method(allow_none=True)`. */
  export function get_start_method(options: { allow_none?: boolean }): string;

  /**
   * Set the method used to start child processes. Only `"spawn"` is available:
   * `"fork"` and `"forkserver"` raise `ValueError`, since a browser cannot fork.
   */
  export function set_start_method(method: string, force?: boolean): void;
  /** Keyword form. CPython: `set_start_method("spawn", force=True)`. */
  export function set_start_method(method: string, options: { force?: boolean }): void;

  // ----- Exceptions ----------------------------------------------------------

  /** The base class of all `multiprocessing` exceptions. */
  export class ProcessError extends Exception {}

  /**
   * `multiprocessing.TimeoutError`, distinct from the builtin `TimeoutError`: raised
   * by methods with a timeout when it expires, e.g. `AsyncResult.get(timeout)` and an
   * `imap` iterator's `next(timeout)`. Its message is empty.
   */
  export class TimeoutError extends ProcessError {}

  /**
   * Raised when a `Barrier` is broken (aborted or reset) while, or before, a process
   * waits on it. CPython: `threading.BrokenBarrierError`.
   */
  export class BrokenBarrierError extends RuntimeError {}

  // ----- Exchanging data -------------------------------------------------------

  /** Python's `block`/`timeout` keyword arguments of a blocking call. */
  export interface BlockOptions {
    /** If false, do not wait: fail at once. Default true. */
    block?: boolean;
    /** Wait at most this many seconds; `null` (default) waits forever. */
    timeout?: number | null;
  }

  /**
   * A process shared FIFO queue. Items are copied (as pickle would) when they are
   * put. `Empty` and `Full` come from the `"queue"` module.
   * CPython: `Queue(maxsize=0)`.
   */
  export class Queue<T = any> {
    /** Create a queue holding at most `maxsize` items; 0 or less means unbounded. */
    constructor(maxsize?: number);
    /** Keyword form. CPython: `Queue(maxsize=5)` is `new Queue({ maxsize: 5 })`. */
    constructor(options: { maxsize?: number });
    /**
     * Put `obj` into the queue. If the queue is full, wait (up to `timeout` seconds)
     * for a free slot, then raise `queue.Full`; with `block` false, raise `Full` at once.
     */
    put(obj: T, block?: boolean, timeout?: number | null): void;
    /**
     * Keyword form. CPython: `q.put(x, timeout=0.5)` is `q.put(x, { timeout: 0.5 })`;
     * `q.put(x, block=False)` is `q.put(x, { block: false })`.
     */
    put(obj: T, options: BlockOptions): void;
    /**
     * Remove and return an item from the queue. If it is empty, wait (up to `timeout`
     * seconds) for an item, then raise `queue.Empty`; with `block` false, raise
     * `Empty` at once.
     */
    get(block?: boolean, timeout?: number | null): T;
    /**
     * Keyword form. CPython: `q.get(timeout=0.5)` is `q.get({ timeout: 0.5 })`;
     * `q.get(block=False)` is `q.get({ block: false })`.
     */
    get(options: BlockOptions): T;
    /** Equivalent to `put(obj, false)`: raise `queue.Full` rather than wait. */
    put_nowait(obj: T): void;
    /** Equivalent to `get(false)`: raise `queue.Empty` rather than wait. */
    get_nowait(): T;
    /** Return the approximate size of the queue. */
    qsize(): number;
    /** Return true if the queue is empty (approximately, as other processes race). */
    empty(): boolean;
    /** Return true if the queue is full (approximately, as other processes race). */
    full(): boolean;
    /**
     * Indicate that no more data will be put on this queue by the current process.
     * Later use raises `ValueError: Queue ... is closed`.
     */
    close(): void;
    /** Join the background feeder thread; call only after `close()`. */
    join_thread(): void;
    /** Prevent `join_thread()` from blocking: the process may exit with items unflushed. */
    cancel_join_thread(): void;
  }

  /**
   * A simplified queue, close to a locked `Pipe`: `put`, `get`, `empty`, `close`.
   * CPython: `SimpleQueue()`.
   */
  export class SimpleQueue<T = any> {
    constructor();
    /** Put `obj` into the queue. */
    put(obj: T): void;
    /** Remove and return an item, waiting until one is available. */
    get(): T;
    /** Return true if the queue is empty. */
    empty(): boolean;
    /** Close the queue, releasing its resources. */
    close(): void;
  }

  /**
   * A `Queue` that additionally has `task_done()` and `join()`, so a producer can wait
   * until every item has been processed. CPython: `JoinableQueue(maxsize=0)`.
   */
  export class JoinableQueue<T = any> extends Queue<T> {
    /**
     * Indicate that a formerly enqueued task is complete: one call per `get()`.
     * Calling it more times than items were put raises
     * `ValueError: task_done() called too many times`.
     */
    task_done(): void;
    /**
     * Block until every item put into the queue has been gotten and processed
     * (`task_done()` was called for each).
     */
    join(): void;
  }

  /**
   * One end of a pipe, as returned by `Pipe()`: send and receive picklable objects
   * or bytes. Usable in `with_` and with `using` (both close it).
   * CPython: `multiprocessing.connection.Connection`.
   */
  export interface Connection<T = any> {
    /**
     * Send an object to the other end, to be read with `recv()`. It is copied as
     * pickle would copy it. Raises `OSError: connection is read-only` on a receive-only
     * end, `OSError: handle is closed` after `close()`.
     */
    send(obj: T): void;
    /**
     * Return an object sent from the other end with `send()`, blocking until there is
     * one. Raises `EOFError` when nothing is left and the other end is closed.
     */
    recv(): T;
    /**
     * Return whether there is data available to be read. Waits at most `timeout`
     * seconds (default 0: do not wait; `null`: wait forever).
     */
    poll(timeout?: number | null): boolean;
    /** Keyword form. CPython: `conn.poll(timeout=1)` is `conn.poll({ timeout: 1 })`. */
    poll(options: { timeout?: number | null }): boolean;
    /**
     * Send bytes from a bytes-like object as one complete message. With `offset`
     * and `size`, send `size` bytes starting at `offset`.
     */
    send_bytes(buf: ArrayBufferView | ArrayBuffer, offset?: number, size?: number | null): void;
    /** Keyword form. CPython: `conn.send_bytes(buf, size=4)` is `conn.send_bytes(buf, { size: 4 })`. */
    send_bytes(buf: ArrayBufferView | ArrayBuffer, options: { offset?: number; size?: number | null }): void;
    /**
     * Return a complete message of bytes sent from the other end, blocking until there
     * is one. Raises `OSError` if the message is longer than `maxlength`, `EOFError`
     * when nothing is left and the other end is closed.
     */
    recv_bytes(maxlength?: number | null): Uint8Array;
    /** Keyword form. CPython: `conn.recv_bytes(maxlength=64)`. */
    recv_bytes(options: { maxlength?: number | null }): Uint8Array;
    /**
     * Close this process's handle of the connection. The other end sees `EOFError`
     * once every handle of this end is closed.
     */
    close(): void;
    /** True once this handle has been closed. */
    readonly closed: boolean;
    /** True if this end can receive. */
    readonly readable: boolean;
    /** True if this end can send. */
    readonly writable: boolean;
    /** Return the connection itself. CPython: `with conn:` */
    __enter__(): this;
    /** Close the connection. */
    __exit__(exc_type?: unknown, exc_value?: unknown, traceback?: unknown): void;
    /** Close the connection, for `using conn = ...`. */
    [Symbol.dispose](): void;
  }

  /**
   * Return a pair `[conn1, conn2]` of connected `Connection` objects. If `duplex` is
   * true (the default) the pipe is bidirectional; otherwise `conn1` can only receive
   * and `conn2` can only send. CPython: `conn1, conn2 = Pipe()` is
   * `const [conn1, conn2] = Pipe()`.
   */
  export function Pipe<T = any>(duplex?: boolean): [Connection<T>, Connection<T>];
  /** Keyword form. CPython: `Pipe(duplex=False)` is `Pipe({ duplex: false })`. */
  export function Pipe<T = any>(options: { duplex?: boolean }): [Connection<T>, Connection<T>];

  // ----- Synchronisation -------------------------------------------------------

  /**
   * A non-recursive lock: once a process has acquired it, later attempts to acquire
   * it, from any process, block until it is released; any process may release it.
   * CPython: `with lock:` is `with_(lock, () => { ... })`.
   */
  export class Lock {
    constructor();
    /**
     * Acquire the lock, blocking or not. With `block` true (default) wait until it is
     * free, or at most `timeout` seconds; return whether it was acquired.
     */
    acquire(block?: boolean, timeout?: number | null): boolean;
    /** Keyword form. CPython: `lock.acquire(timeout=1)` is `lock.acquire({ timeout: 1 })`. */
    acquire(options: BlockOptions): boolean;
    /**
     * Release the lock. Releasing an unlocked lock raises
     * `ValueError: semaphore or lock released too many times`.
     */
    release(): void;
    /** Acquire the lock (blocking) and return true. */
    __enter__(): boolean;
    /** Release the lock. */
    __exit__(exc_type?: unknown, exc_value?: unknown, traceback?: unknown): void;
  }

  /**
   * A recursive lock: the process that holds it may acquire it again without
   * blocking, and must release it once per acquire. Only the owner may release it.
   */
  export class RLock {
    constructor();
    /**
     * Acquire the lock; if this process already owns it, increment the recursion
     * level. With `block` true (default) wait at most `timeout` seconds; return
     * whether it was acquired.
     */
    acquire(block?: boolean, timeout?: number | null): boolean;
    /** Keyword form. CPython: `rlock.acquire(timeout=1)` is `rlock.acquire({ timeout: 1 })`. */
    acquire(options: BlockOptions): boolean;
    /**
     * Decrement the recursion level; at zero, unlock. A process that does not own it
     * gets `AssertionError: attempt to release recursive lock not owned by thread`.
     */
    release(): void;
    /** Acquire the lock (blocking) and return true. */
    __enter__(): boolean;
    /** Release the lock. */
    __exit__(exc_type?: unknown, exc_value?: unknown, traceback?: unknown): void;
  }

  /**
   * A semaphore: a counter that `acquire()` decrements, blocking at zero, and
   * `release()` increments. CPython: `Semaphore(value=1)`.
   */
  export class Semaphore {
    /** Create a semaphore with the initial counter `value` (default 1). */
    constructor(value?: number);
    /** Keyword form. CPython: `Semaphore(value=3)` is `new Semaphore({ value: 3 })`. */
    constructor(options: { value?: number });
    /**
     * Decrement the counter, waiting while it is zero (at most `timeout` seconds, or
     * not at all with `block` false); return whether it was decremented.
     */
    acquire(block?: boolean, timeout?: number | null): boolean;
    /** Keyword form. CPython: `sem.acquire(timeout=1)` is `sem.acquire({ timeout: 1 })`. */
    acquire(options: BlockOptions): boolean;
    /** Increment the counter, waking one waiting process. */
    release(): void;
    /** Return the current value of the counter. */
    get_value(): number;
    /** Acquire (blocking) and return true. */
    __enter__(): boolean;
    /** Release. */
    __exit__(exc_type?: unknown, exc_value?: unknown, traceback?: unknown): void;
  }

  /**
   * A semaphore that checks that its counter never exceeds its initial value:
   * releasing it too often raises `ValueError`. CPython: `BoundedSemaphore(value=1)`.
   */
  export class BoundedSemaphore extends Semaphore {}

  /**
   * An event: a flag that processes can wait on. `set()` sets it and wakes every
   * waiter, `clear()` resets it.
   */
  export class Event {
    constructor();
    /** Return true if and only if the flag is set. */
    is_set(): boolean;
    /** Set the flag to true, waking every process waiting for it. */
    set(): void;
    /** Reset the flag to false. */
    clear(): void;
    /**
     * Block until the flag is true, or at most `timeout` seconds (`null`: forever).
     * Return the flag on exit: false only if the wait timed out.
     */
    wait(timeout?: number | null): boolean;
    /** Keyword form. CPython: `event.wait(timeout=1)` is `event.wait({ timeout: 1 })`. */
    wait(options: { timeout?: number | null }): boolean;
  }

  /**
   * A condition variable: a lock plus the ability to wait until notified. If `lock`
   * is given it must be a `Lock` or `RLock`; by default a new `RLock` is used.
   * CPython: `Condition(lock=None)`.
   */
  export class Condition {
    constructor(lock?: Lock | RLock | null);
    /** Keyword form. CPython: `Condition(lock=l)` is `new Condition({ lock: l })`. */
    constructor(options: { lock?: Lock | RLock | null });
    /** Acquire the underlying lock; return whether it was acquired. */
    acquire(block?: boolean, timeout?: number | null): boolean;
    /** Keyword form. CPython: `cond.acquire(timeout=1)` is `cond.acquire({ timeout: 1 })`. */
    acquire(options: BlockOptions): boolean;
    /** Release the underlying lock. */
    release(): void;
    /**
     * Release the lock, wait until notified or until `timeout` seconds pass, then
     * re-acquire the lock. Return false if the timeout expired, else true.
     */
    wait(timeout?: number | null): boolean;
    /** Keyword form. CPython: `cond.wait(timeout=1)` is `cond.wait({ timeout: 1 })`. */
    wait(options: { timeout?: number | null }): boolean;
    /**
     * Wait until `predicate()` is truthy (checking it after each notification), or
     * until `timeout` seconds pass. Return the predicate's last value.
     */
    wait_for<R>(predicate: () => R, timeout?: number | null): R;
    /** Keyword form. CPython: `cond.wait_for(pred, timeout=1)` is `cond.wait_for(pred, { timeout: 1 })`. */
    wait_for<R>(predicate: () => R, options: { timeout?: number | null }): R;
    /** Wake up at most `n` (default 1) processes waiting on the condition. The lock must be held. */
    notify(n?: number): void;
    /** Keyword form. CPython: `cond.notify(n=2)` is `cond.notify({ n: 2 })`. */
    notify(options: { n?: number }): void;
    /** Wake up every process waiting on the condition. The lock must be held. */
    notify_all(): void;
    /** Acquire the underlying lock (blocking) and return true. */
    __enter__(): boolean;
    /** Release the underlying lock. */
    __exit__(exc_type?: unknown, exc_value?: unknown, traceback?: unknown): void;
  }

  /**
   * A barrier for a fixed number of processes (`parties`): each `wait()` blocks
   * until all of them have called it, then all are released together.
   * CPython: `Barrier(parties, action=None, timeout=None)`.
   */
  export class Barrier {
    /**
     * `action`, if given, is called by one of the processes when they are released
     * (it follows the by-name rule of a Process target); `timeout` is the default for
     * `wait()`.
     */
    constructor(parties: number, action?: (() => unknown) | null, timeout?: number | null);
    /** Keyword form. CPython: `Barrier(3, timeout=5)` is `new Barrier(3, { timeout: 5 })`. */
    constructor(parties: number, options: { action?: (() => unknown) | null; timeout?: number | null });
    /**
     * Pass the barrier: block until all parties have called `wait()`. Return an
     * integer from 0 to `parties - 1`, different for each process. Raises
     * `BrokenBarrierError` if the barrier is broken or the wait times out.
     */
    wait(timeout?: number | null): number;
    /** Keyword form. CPython: `barrier.wait(timeout=1)` is `barrier.wait({ timeout: 1 })`. */
    wait(options: { timeout?: number | null }): number;
    /** Return the barrier to its empty state; waiting processes get `BrokenBarrierError`. */
    reset(): void;
    /** Put the barrier into the broken state: current and future `wait()`s raise `BrokenBarrierError`. */
    abort(): void;
    /** The number of processes required to pass the barrier. */
    readonly parties: number;
    /** The number of processes currently waiting in the barrier. */
    readonly n_waiting: number;
    /** True if the barrier is in the broken state. */
    readonly broken: boolean;
  }

  // ----- Shared memory -------------------------------------------------------

  /**
   * A type code of Python's `array` module, with its C size: `"b"` signed char
   * (8-bit), `"h"` short (16), `"i"` int (32), `"l"` long (64), `"q"` long long (64),
   * `"f"` float (32-bit, single precision), `"d"` double, `"c"` char (one byte, read
   * as a one-byte `bytes`, a `Uint8Array`), and the unsigned `"B"`, `"H"`, `"I"`,
   * `"L"`, `"Q"`. Integers wrap as C's do (`"b"`: 127 + 1 is -128); 64-bit integers
   * read as numbers, exact within ±2^53. Any other code raises
   * `TypeError: this type has no size`.
   */
  export type Typecode = "i" | "l" | "b" | "h" | "q" | "f" | "d" | "c" | "B" | "H" | "I" | "L" | "Q";

  /** Python's `lock` keyword argument of `Value` and `Array`. */
  export interface SharedOptions {
    /**
     * `true` (default): a new `RLock` guards access; a `Lock`, `RLock` or `Semaphore`:
     * that one is used; `false`: no lock, and you get the raw object (`RawValue`,
     * `RawArray`), which is not process-safe.
     */
    lock?: boolean | Lock | RLock | Semaphore | null;
  }

  /**
   * A value in shared memory, visible to every process it is passed to, guarded by a
   * lock for `get_lock()`. `.value += 1` is a read then a write: without holding the
   * lock, two processes lose updates, as in CPython.
   * CPython: `Value('i', 0)` is `new Value("i", 0)`; for `"c"` the value is a one-byte
   * `Uint8Array`: `new Value<Uint8Array>("c", new Uint8Array([97]))`.
   */
  export class Value<T = number> {
    /** Keyword form, initially 0. CPython: `Value('i', lock=False)` is `new Value("i", { lock: false })`. */
    constructor(typecode_or_type: Typecode, options: SharedOptions);
    /** Create a shared value of type `typecode_or_type`, initially `value` (default 0). */
    constructor(typecode_or_type: Typecode, value?: T, options?: SharedOptions);
    /**
     * The shared value. Each read and each write takes the lock, as CPython's do, so
     * each is atomic; `+=` is not. Because they take it, hold it with a recursive
     * lock only (the default `RLock`): with `lock: new Lock()`, reading `.value`
     * inside `with_(v.get_lock(), ...)` waits for itself forever, as in CPython.
     */
    value: T;
    /** Return the lock that guards this value. CPython: `with v.get_lock():`. */
    get_lock(): Lock | RLock | Semaphore;
    /** Return the raw shared value underneath, on the same memory, without the lock. */
    get_obj(): RawValue<T>;
    /** Acquire the guarding lock. */
    acquire(block?: boolean, timeout?: number | null): boolean;
    /** Keyword form of `acquire`. */
    acquire(options: BlockOptions): boolean;
    /** Release the guarding lock. */
    release(): void;
    /** Acquire the guarding lock (blocking) and return true. CPython: `with v:`. */
    __enter__(): boolean;
    /** Release the guarding lock. */
    __exit__(exc_type?: unknown, exc_value?: unknown, traceback?: unknown): void;
  }

  /**
   * An array in shared memory, indexable (`a[i]`), with `length`, guarded by a lock
   * for `get_lock()`. `size_or_initializer` is a length (zero-filled) or the initial
   * items. CPython: `Array('i', 10)` is `new Array("i", 10)`;
   * `Array('d', [1.0, 2.0])` is `new Array("d", [1.0, 2.0])`; `len(a)` is `a.length`;
   * for `"c"`, `new Array<Uint8Array>("c", bytes)`. Python's slices are methods:
   * `a[start:stop:step]` is `a.slice(start, stop, step)`, `a[:] = xs` is `a.set(xs)`.
   *
   * Importing it shadows JavaScript's global `Array` in your module, so it also
   * answers `Array.from`, `Array.isArray` and `Array.of` as the global does:
   * `Array.from(pool.imap(f, xs))` still works.
   */
  export class Array<T = number> {
    constructor(
      typecode_or_type: Typecode,
      size_or_initializer: number | Iterable<T | number>,
      options?: SharedOptions,
    );
    /** Item `i` (negative counts from the end, as in Python); out of range raises `IndexError: invalid index`. */
    [i: number]: T;
    /** The number of items. CPython: `len(a)`. */
    readonly length: number;
    /** Iterate over the items, reading one at a time. CPython: `list(a)` is `[...a]`. */
    [Symbol.iterator](): IterableIterator<T>;
    /**
     * A copy of the items from `start` up to (not including) `stop`, every `step`-th:
     * Python's `a[start:stop:step]`, with the same negative and missing bounds, read in
     * one go. A list, or `bytes` for `"c"`. CPython: `a[:]` is `a.slice()`.
     */
    slice(start?: number | null, stop?: number | null, step?: number | null): T extends Uint8Array ? Uint8Array : T[];
    /**
     * Write `values` from index `start` (default 0; negative counts from the end) on,
     * in one go: Python's `a[start:start + len(values)] = values`. Raises
     * `ValueError: Can only assign sequence of same size` if they do not fit.
     */
    set(values: Iterable<T | number>, start?: number): void;
    /** For `"c"`: the bytes up to the first NUL (other typecodes raise `AttributeError`). */
    value: Uint8Array;
    /** For `"c"`: all the bytes (other typecodes raise `AttributeError`). */
    raw: Uint8Array;
    /** The global `Array.from`. */
    static from<U>(iterable: Iterable<U> | ArrayLike<U>): U[];
    /** The global `Array.from`, with a map function. */
    static from<U, V>(iterable: Iterable<U> | ArrayLike<U>, mapfn: (v: U, k: number) => V, thisArg?: any): V[];
    /** The global `Array.isArray` (false for a shared array). */
    static isArray(arg: any): arg is any[];
    /** The global `Array.of`. */
    static of<U>(...items: U[]): U[];
    /** Return the lock that guards this array. CPython: `with a.get_lock():`. */
    get_lock(): Lock | RLock | Semaphore;
    /** Return the raw shared array underneath, on the same memory, without the lock. */
    get_obj(): RawArray<T>;
    /** Acquire the guarding lock. */
    acquire(block?: boolean, timeout?: number | null): boolean;
    /** Keyword form of `acquire`. */
    acquire(options: BlockOptions): boolean;
    /** Release the guarding lock. */
    release(): void;
    /** Acquire the guarding lock (blocking) and return true. CPython: `with a:`. */
    __enter__(): boolean;
    /** Release the guarding lock. */
    __exit__(exc_type?: unknown, exc_value?: unknown, traceback?: unknown): void;
  }

  /**
   * A value in shared memory with no lock. CPython: `RawValue('i', 0)` is
   * `new RawValue("i", 0)`; its repr is ctypes' (`c_int(0)`).
   */
  export class RawValue<T = number> {
    constructor(typecode_or_type: Typecode, value?: T);
    /** The shared value. */
    value: T;
  }

  /**
   * An array in shared memory with no lock, indexable (`a[i]`), with `length`.
   * CPython: `RawArray('i', 10)` is `new RawArray("i", 10)`.
   */
  export class RawArray<T = number> {
    constructor(typecode_or_type: Typecode, size_or_initializer: number | Iterable<T | number>);
    /** Item `i` (negative counts from the end, as in Python); out of range raises `IndexError: invalid index`. */
    [i: number]: T;
    /** The number of items. CPython: `len(a)`. */
    readonly length: number;
    /** Iterate over the items, reading one at a time. CPython: `list(a)` is `[...a]`. */
    [Symbol.iterator](): IterableIterator<T>;
    /**
     * A copy of the items from `start` up to (not including) `stop`, every `step`-th:
     * Python's `a[start:stop:step]`, with the same negative and missing bounds, read in
     * one go. A list, or `bytes` for `"c"`. CPython: `a[:]` is `a.slice()`.
     */
    slice(start?: number | null, stop?: number | null, step?: number | null): T extends Uint8Array ? Uint8Array : T[];
    /**
     * Write `values` from index `start` (default 0; negative counts from the end) on,
     * in one go: Python's `a[start:start + len(values)] = values`. Raises
     * `ValueError: Can only assign sequence of same size` if they do not fit.
     */
    set(values: Iterable<T | number>, start?: number): void;
    /** For `"c"`: the bytes up to the first NUL (other typecodes raise `AttributeError`). */
    value: Uint8Array;
    /** For `"c"`: all the bytes (other typecodes raise `AttributeError`). */
    raw: Uint8Array;
  }

  // ----- Pool ------------------------------------------------------------------

  /** Python's `callback`/`error_callback` keyword arguments of the `*_async` methods. */
  export interface CallbackOptions<R> {
    /** Called in the calling process with the result when it is ready; it must not block. */
    callback?: ((result: R) => unknown) | null;
    /** Called in the calling process with the exception if the call failed. */
    error_callback?: ((error: any) => unknown) | null;
  }

  /**
   * The result of an asynchronous `Pool` call (`apply_async`, `map_async`,
   * `starmap_async`). CPython: `multiprocessing.pool.AsyncResult`.
   */
  export interface AsyncResult<T> {
    /**
     * Return the result when it arrives, waiting at most `timeout` seconds, else raise
     * `multiprocessing.TimeoutError`. If the call raised, re-raise that exception.
     */
    get(timeout?: number | null): T;
    /** Keyword form. CPython: `res.get(timeout=1)` is `res.get({ timeout: 1 })`. */
    get(options: { timeout?: number | null }): T;
    /** Wait until the result is available or until `timeout` seconds pass. */
    wait(timeout?: number | null): void;
    /** Keyword form. CPython: `res.wait(timeout=1)` is `res.wait({ timeout: 1 })`. */
    wait(options: { timeout?: number | null }): void;
    /** Return whether the call has completed. */
    ready(): boolean;
    /**
     * Return whether the call completed without raising. Raises `ValueError` if the
     * result is not ready.
     */
    successful(): boolean;
  }

  /**
   * The iterator returned by `imap` and `imap_unordered`: iterate with `for...of` or
   * `Array.from`. `next(timeout)` follows the iterator protocol and raises
   * `multiprocessing.TimeoutError` if no result arrives within `timeout` seconds.
   * CPython: `it.next(timeout=1)` is `it.next(1)`.
   */
  export interface IMapIterator<T> extends IterableIterator<T, undefined, number | null | undefined> {
    /** Return the next result, waiting at most `timeout` seconds (`null`: forever). */
    next(timeout?: number | null): IteratorResult<T, undefined>;
    [Symbol.iterator](): IMapIterator<T>;
  }

  /** Python's keyword arguments of the `Pool` constructor. */
  export interface PoolOptions {
    /** The number of worker processes; `null` (default) uses `cpu_count()`. */
    processes?: number | null;
    /** Called as `initializer(...initargs)` by each worker when it starts. */
    initializer?: ((...args: any[]) => unknown) | null;
    /** Arguments for `initializer`. */
    initargs?: unknown[];
    /** Tasks a worker completes before it is replaced by a fresh one; `null`: no limit. */
    maxtasksperchild?: number | null;
  }

  /**
   * A pool of worker processes (`SpawnPoolWorker-N`, daemons) to which tasks are
   * submitted. Every `func` must be reachable by name at the module's top level.
   * Usable in `with_` and with `using`; both call `terminate()` at the end.
   * CPython: `with Pool(4) as pool:` is `using pool = new Pool(4);`.
   */
  export class Pool {
    /**
     * Start the workers. CPython:
     * `Pool(processes=None, initializer=None, initargs=(), maxtasksperchild=None)`.
     */
    constructor(
      processes?: number | null,
      initializer?: ((...args: any[]) => unknown) | null,
      initargs?: unknown[],
      maxtasksperchild?: number | null,
    );
    /** Keyword form. CPython: `Pool(processes=3)` is `new Pool({ processes: 3 })`. */
    constructor(options: PoolOptions);
    /**
     * Call `func(...args)` in a worker and block until the result is ready.
     * A task's exception is raised again here.
     */
    apply<A extends unknown[], R>(func: (...args: A) => R, args?: NoInfer<A>): R;
    /**
     * Call `func(...args)` in a worker without waiting; return an `AsyncResult`.
     * CPython: `pool.apply_async(f, (1,), callback=cb)` is
     * `pool.apply_async(f, [1], { callback: cb })`.
     */
    apply_async<A extends unknown[], R>(
      func: (...args: A) => R,
      args?: NoInfer<A>,
      options?: CallbackOptions<R>,
    ): AsyncResult<R>;
    /**
     * A parallel equivalent of `map()`: apply `func` to each item of `iterable` and
     * return the list of results in order, blocking until all are ready. The iterable
     * is cut into chunks of `chunksize` items sent to the workers as separate tasks.
     */
    map<T, R>(func: (item: T) => R, iterable: Iterable<T>, chunksize?: number | null): R[];
    /** Keyword form. CPython: `pool.map(f, xs, chunksize=10)` is `pool.map(f, xs, { chunksize: 10 })`. */
    map<T, R>(func: (item: T) => R, iterable: Iterable<T>, options: { chunksize?: number | null }): R[];
    /** Like `map()` but without waiting: return an `AsyncResult` of the list of results. */
    map_async<T, R>(
      func: (item: T) => R,
      iterable: Iterable<T>,
      chunksize?: number | null,
      callback?: ((result: R[]) => unknown) | null,
      error_callback?: ((error: any) => unknown) | null,
    ): AsyncResult<R[]>;
    /**
     * Keyword form. CPython: `pool.map_async(f, xs, callback=cb)` is
     * `pool.map_async(f, xs, { callback: cb })`.
     */
    map_async<T, R>(
      func: (item: T) => R,
      iterable: Iterable<T>,
      options: { chunksize?: number | null } & CallbackOptions<R[]>,
    ): AsyncResult<R[]>;
    /**
     * A lazier `map()`: return an iterator over the results, in order, each available
     * as soon as it and those before it are ready. `chunksize` defaults to 1.
     */
    imap<T, R>(func: (item: T) => R, iterable: Iterable<T>, chunksize?: number): IMapIterator<R>;
    /** Keyword form. CPython: `pool.imap(f, xs, chunksize=10)`. */
    imap<T, R>(func: (item: T) => R, iterable: Iterable<T>, options: { chunksize?: number }): IMapIterator<R>;
    /** Like `imap()`, but results come in the order they complete. */
    imap_unordered<T, R>(func: (item: T) => R, iterable: Iterable<T>, chunksize?: number): IMapIterator<R>;
    /** Keyword form. CPython: `pool.imap_unordered(f, xs, chunksize=10)`. */
    imap_unordered<T, R>(func: (item: T) => R, iterable: Iterable<T>, options: { chunksize?: number }): IMapIterator<R>;
    /**
     * Like `map()`, but each item of `iterable` is an argument list to unpack:
     * `[[1, 2], [3, 4]]` gives `[func(1, 2), func(3, 4)]`.
     */
    starmap<A extends unknown[], R>(func: (...args: A) => R, iterable: Iterable<A>, chunksize?: number | null): R[];
    /** Keyword form. CPython: `pool.starmap(f, xs, chunksize=10)`. */
    starmap<A extends unknown[], R>(
      func: (...args: A) => R,
      iterable: Iterable<A>,
      options: { chunksize?: number | null },
    ): R[];
    /** Like `starmap()` but without waiting: return an `AsyncResult` of the list of results. */
    starmap_async<A extends unknown[], R>(
      func: (...args: A) => R,
      iterable: Iterable<A>,
      chunksize?: number | null,
      callback?: ((result: R[]) => unknown) | null,
      error_callback?: ((error: any) => unknown) | null,
    ): AsyncResult<R[]>;
    /** Keyword form. CPython: `pool.starmap_async(f, xs, callback=cb)`. */
    starmap_async<A extends unknown[], R>(
      func: (...args: A) => R,
      iterable: Iterable<A>,
      options: { chunksize?: number | null } & CallbackOptions<R[]>,
    ): AsyncResult<R[]>;
    /**
     * Prevent any more tasks from being submitted; the workers exit once all pending
     * tasks are done. Later submissions raise `ValueError: Pool not running`.
     */
    close(): void;
    /** Stop the worker processes immediately, without completing outstanding work. */
    terminate(): void;
    /** Wait for the worker processes to exit. Call `close()` or `terminate()` first. */
    join(): void;
    /** Return the pool itself. CPython: `with Pool() as pool:`. */
    __enter__(): this;
    /** Call `terminate()`. */
    __exit__(exc_type?: unknown, exc_value?: unknown, traceback?: unknown): void;
    /** Call `terminate()`, for `using pool = new Pool()`. */
    [Symbol.dispose](): void;
  }
}

// ---------------------------------------------------------------------------
// queue
// ---------------------------------------------------------------------------

/** The exceptions of Python's `queue` module, raised by `multiprocessing` queues. */
declare module "queue" {
  /**
   * Raised when a non-blocking `get()` (or `get_nowait()`) is called on an empty
   * queue, or a `get()` with a timeout expires. Its message is empty.
   * CPython: `except queue.Empty:` is `catch (e) { if (e instanceof Empty) ... }`.
   */
  export class Empty extends Exception {}
  /**
   * Raised when a non-blocking `put()` (or `put_nowait()`) is called on a full queue,
   * or a `put()` with a timeout expires. Its message is empty.
   */
  export class Full extends Exception {}
}

// ---------------------------------------------------------------------------
// sys
// ---------------------------------------------------------------------------

/** System-specific parameters and functions: `exit`, `argv`, `stdout`, `stderr`. */
declare module "sys" {
  /** A text stream: `sys.stdout` or `sys.stderr`. */
  export interface TextIO {
    /**
     * Write the string `s` to the stream and return the number of characters written,
     * counted in code points as Python does (`"café 😀\n"` is 7).
     */
    write(s: string): number;
    /** Flush the write buffers of the stream. */
    flush(): void;
  }
  /**
   * Exit from the process by raising `SystemExit(code)`. An integer is the exit code
   * (0 is success); `null` or no argument means 0; any other value is printed to
   * stderr and the exit code is 1. `finally` clauses run on the way out.
   */
  export function exit(code?: number | string | null): never;
  /** The command line arguments: `["main.ts"]`. */
  export const argv: string[];
  /** The standard output stream, used by `print` by default. */
  export const stdout: TextIO;
  /** The standard error stream, where tracebacks go. CPython: `print(x, file=sys.stderr)` is `print(x, { file: sys.stderr })`. */
  export const stderr: TextIO;
}

// ---------------------------------------------------------------------------
// time
// ---------------------------------------------------------------------------

/** Time access: `sleep`, `time`, `monotonic`, `perf_counter`, all in seconds. */
declare module "time" {
  /** Suspend the calling process for `secs` seconds (a float): it really blocks. */
  export function sleep(secs: number): void;
  /** Return the time in seconds since the epoch as a floating-point number. */
  export function time(): number;
  /**
   * Return the value, in fractional seconds, of a monotonic clock that cannot go
   * backwards; only the difference between two calls is meaningful.
   */
  export function monotonic(): number;
  /**
   * Return the value, in fractional seconds, of a performance counter: the clock
   * with the highest available resolution, for measuring short durations.
   */
  export function perf_counter(): number;
}

// ---------------------------------------------------------------------------
// os
// ---------------------------------------------------------------------------

/** Operating-system interfaces: `getpid`, `getppid`, `cpu_count`. */
declare module "os" {
  /** Return the current process id; equals `current_process().pid`. */
  export function getpid(): number;
  /** Return the parent's process id. */
  export function getppid(): number;
  /** Return the number of logical CPUs in the system, or `null` if undetermined. */
  export function cpu_count(): number | null;
}
