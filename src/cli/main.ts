/**
 * `mp-playground run FILE.ts [--trace OUT.json]`: runs a snippet on Node's
 * worker_threads with the same runtime as the browser. stdout and stderr receive
 * exactly what the processes wrote; the exit status is the main process's.
 */
import { readFileSync, writeFileSync } from "node:fs";
import { Kernel } from "../runtime/kernel/kernel";
import { createNodePlatform } from "../runtime/node/nodePlatform";
import { TraceLog } from "../runtime/traceLog";

const USAGE = "usage: mp-playground run FILE.ts [--trace OUT.json]";

function parseArgs(argv: string[]): { file: string; trace: string | null } | string {
  const [cmd, ...rest] = argv;
  if (cmd !== "run") return USAGE;
  let file: string | null = null;
  let trace: string | null = null;
  for (let i = 0; i < rest.length; i++) {
    const a = rest[i];
    if (a === "--trace") {
      trace = rest[++i] ?? null;
      if (!trace) return "mp-playground: --trace needs a file name\n" + USAGE;
    } else if (a?.startsWith("--trace=")) trace = a.slice(8);
    else if (a && !file) file = a;
    else return USAGE;
  }
  return file ? { file, trace } : USAGE;
}

/** A reader that went away (`| head`) ends the output, not the program with a stack trace. */
for (const stream of [process.stdout, process.stderr]) {
  stream.on("error", (e: NodeJS.ErrnoException) => {
    if (e.code === "EPIPE") process.exit(0);
    throw e;
  });
}

async function main(): Promise<number> {
  const args = parseArgs(process.argv.slice(2));
  if (typeof args === "string") {
    process.stderr.write(args + "\n");
    return 2;
  }
  let source: string;
  try {
    source = readFileSync(args.file, "utf8");
  } catch (e) {
    process.stderr.write(`mp-playground: can't open file '${args.file}': ${(e as Error).message}\n`);
    return 2;
  }
  const kernel = new Kernel(createNodePlatform(), { warmWorkers: 2 });
  kernel.prewarm();
  const log = args.trace ? new TraceLog() : null;
  let interrupted = false;
  process.on("SIGINT", () => {
    if (interrupted) process.exit(130);
    interrupted = true;
    void kernel.stop();
  });
  const outcome = await kernel.run(source, (batch) => {
    log?.add(batch.events, batch.ops);
    let out = "";
    let err = "";
    // Output is never a packed op: the ops need no expanding here.
    for (const e of batch.events) {
      if (e.kind !== "out") continue;
      // Keep the interleaving of stdout and stderr as it happened.
      if (e.stream === 1) {
        if (err) process.stderr.write(err);
        err = "";
        out += e.text;
      } else {
        if (out) process.stdout.write(out);
        out = "";
        err += e.text;
      }
    }
    if (out) process.stdout.write(out);
    if (err) process.stderr.write(err);
  });
  kernel.dispose();
  if (args.trace && log) writeFileSync(args.trace, log.json());
  if (outcome.syntaxError) {
    process.stderr.write(outcome.syntaxError.report);
    return 1;
  }
  if (outcome.deadlock) {
    process.stderr.write(outcome.deadlock);
    return 1;
  }
  if (interrupted) {
    process.stderr.write("KeyboardInterrupt\n");
    return 130;
  }
  return (outcome.exitCode ?? 1) & 0xff;
}

main().then(
  (code) => {
    process.exitCode = code;
  },
  (e: unknown) => {
    process.stderr.write(`mp-playground: internal error: ${e instanceof Error ? e.stack : String(e)}\n`);
    process.exitCode = 70;
  },
);
