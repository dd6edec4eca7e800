/** Child processes for the bench: run-to-completion with a timeout, and long-lived servers. */
import { spawn, type ChildProcess } from "node:child_process";

export interface RunResult {
  code: number | null;
  stdout: string;
  stderr: string;
  /** Newlines seen on stdout (counted as it streams, so huge outputs need not be kept). */
  stdoutLines: number;
  /** Launch until stdout reached EOF, ms. */
  eofMs: number;
  /** Launch until the process exited, ms. */
  wallMs: number;
}

export interface RunOptions {
  cwd?: string;
  timeoutMs: number;
  /** Keep stdout text (off for the 100,000-line runs). */
  keepStdout?: boolean;
  env?: NodeJS.ProcessEnv;
}

/** Every child this module started that has not exited yet (each leads its own process group). */
const live = new Set<ChildProcess>();

function track<T extends ChildProcess>(child: T): T {
  live.add(child);
  child.once("exit", () => live.delete(child));
  return child;
}

/** Kills whatever is still running of what we started (for shutdown on errors and Ctrl+C). */
export function killAll(signal: NodeJS.Signals = "SIGTERM"): void {
  for (const child of live) killGroup(child, signal);
}

/** Kills the process group of a child started with `detached: true` (the child and its own children). */
export function killGroup(child: ChildProcess, signal: NodeJS.Signals = "SIGTERM"): void {
  if (child.pid === undefined || child.exitCode !== null || child.signalCode !== null) return;
  try {
    process.kill(-child.pid, signal);
  } catch {
    try {
      child.kill(signal);
    } catch {
      /* already gone */
    }
  }
}

export function run(cmd: string, args: string[], opts: RunOptions): Promise<RunResult> {
  return new Promise((resolve, reject) => {
    const t0 = performance.now();
    const child = track(
      spawn(cmd, args, { cwd: opts.cwd, env: opts.env, stdio: ["ignore", "pipe", "pipe"], detached: true }),
    );
    let stdout = "";
    let stderr = "";
    let stdoutLines = 0;
    let eofMs = NaN;
    const timer = setTimeout(() => {
      killGroup(child, "SIGKILL");
      reject(new Error(`${cmd} ${args.join(" ")}: timed out after ${opts.timeoutMs} ms`));
    }, opts.timeoutMs);
    child.stdout.on("data", (chunk: Buffer) => {
      for (let i = chunk.indexOf(10); i !== -1; i = chunk.indexOf(10, i + 1)) stdoutLines++;
      if (opts.keepStdout !== false) stdout += chunk.toString("utf8");
    });
    child.stdout.on("end", () => (eofMs = performance.now() - t0));
    child.stderr.on("data", (chunk: Buffer) => (stderr += chunk.toString("utf8")));
    child.on("error", (err) => {
      clearTimeout(timer);
      reject(err);
    });
    child.on("close", (code) => {
      clearTimeout(timer);
      resolve({ code, stdout, stderr, stdoutLines, eofMs, wallMs: performance.now() - t0 });
    });
  });
}

/** Runs a command and throws (with its output) unless it exits 0. */
export async function runChecked(cmd: string, args: string[], opts: RunOptions): Promise<RunResult> {
  const r = await run(cmd, args, opts);
  if (r.code !== 0)
    throw new Error(`${cmd} ${args.join(" ")} exited ${r.code}\n${r.stderr.slice(-2000)}${r.stdout.slice(-2000)}`);
  return r;
}

/** Starts a long-lived server in its own process group; stop it with killGroup. */
export function startServer(cmd: string, args: string[], cwd: string): { child: ChildProcess; output: () => string } {
  const child = track(spawn(cmd, args, { cwd, stdio: ["ignore", "pipe", "pipe"], detached: true }));
  let out = "";
  child.stdout?.on("data", (c: Buffer) => (out += c.toString("utf8")));
  child.stderr?.on("data", (c: Buffer) => (out += c.toString("utf8")));
  return { child, output: () => out };
}

/** Waits for `child` to exit, up to `ms`; true if it did. */
export function waitExit(child: ChildProcess, ms: number): Promise<boolean> {
  if (child.exitCode !== null || child.signalCode !== null) return Promise.resolve(true);
  return new Promise((resolve) => {
    const timer = setTimeout(() => resolve(false), ms);
    child.once("exit", () => {
      clearTimeout(timer);
      resolve(true);
    });
  });
}
