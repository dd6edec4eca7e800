/**
 * The catalogue of example snippets shown in the playground's Examples menu.
 * Each snippet is a real, type-checked `.ts` file in this folder (see
 * tsconfig.examples.json), imported here as text. The first one is the default.
 */
import processBasics from "./process-basics.ts?raw";
import joinTimeout from "./join-timeout.ts?raw";
import unsynchronisedOutput from "./unsynchronised-output.ts?raw";
import exitCodes from "./exit-codes.ts?raw";
import queue from "./queue.ts?raw";
import pipe from "./pipe.ts?raw";
import producersConsumers from "./producers-consumers.ts?raw";
import boundedQueue from "./bounded-queue.ts?raw";
import joinableQueue from "./joinable-queue.ts?raw";

export interface Example {
  /** Stable identifier, e.g. for a URL or a saved selection. */
  id: string;
  /** Short title for the menu. */
  title: string;
  /** One sentence on what the example shows. */
  summary: string;
  /** The snippet's TypeScript source. */
  source: string;
}

export const examples: Example[] = [
  {
    id: "process-basics",
    title: "Process basics",
    summary: "Start one child process with an argument, wait for it with join(), and read its exit code.",
    source: processBasics,
  },
  {
    id: "join-timeout",
    title: "join() with a timeout",
    summary: "Wait for a busy child one second at a time, checking is_alive() in between.",
    source: joinTimeout,
  },
  {
    id: "unsynchronised-output",
    title: "Unsynchronised output",
    summary: "Two processes write to stdout without a lock, and their output interleaves as it happens.",
    source: unsynchronisedOutput,
  },
  {
    id: "exit-codes",
    title: "Exit codes and errors",
    summary: "Return, sys.exit(3), an uncaught ValueError, terminate() and kill(): each gives its own exitcode.",
    source: exitCodes,
  },
  {
    id: "queue",
    title: "Queue",
    summary: "A child puts a list into a Queue; the parent blocks in get() until it arrives and prints it.",
    source: queue,
  },
  {
    id: "pipe",
    title: "Pipe",
    summary: "A child sends a list through one end of a Pipe; the parent receives it on the other end.",
    source: pipe,
  },
  {
    id: "producers-consumers",
    title: "Producers and consumers",
    summary:
      "Two producers feed a work queue, two consumers drain it until a None sentinel, and results come back on a second queue.",
    source: producersConsumers,
  },
  {
    id: "bounded-queue",
    title: "Bounded queue (back-pressure)",
    summary:
      "A Queue(3) makes a fast producer's put() block until a slow consumer frees a slot; put_nowait() raises Full.",
    source: boundedQueue,
  },
  {
    id: "joinable-queue",
    title: "JoinableQueue: join() and task_done()",
    summary: "Daemon workers call task_done() after each job, and q.join() waits until every job is finished.",
    source: joinableQueue,
  },
];
