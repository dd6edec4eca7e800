/**
 * The catalogue of example snippets shown in the playground's Examples menu.
 * Each snippet is a real, type-checked `.ts` file in this folder (see
 * tsconfig.examples.json), imported here as text. The first one is the default.
 * An example's id is its file name, without ".ts".
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
import lock from "./lock.ts?raw";
import rlock from "./rlock.ts?raw";
import semaphore from "./semaphore.ts?raw";
import event from "./event.ts?raw";
import condition from "./condition.ts?raw";
import barrier from "./barrier.ts?raw";
import valueRace from "./value-race.ts?raw";
import diningPhilosophersDeadlock from "./dining-philosophers-deadlock.ts?raw";
import diningPhilosophers from "./dining-philosophers.ts?raw";

/** The menu's groups, in menu order; the examples of one topic stand together. */
export const topics = ["Processes", "Queues and pipes", "Synchronisation"] as const;
export type Topic = (typeof topics)[number];

export interface Example {
  /** Stable identifier, e.g. for a URL or a saved selection. */
  id: string;
  /** Short title for the menu. */
  title: string;
  /** The menu group it stands in. */
  topic: Topic;
  /** One sentence on what the example shows. */
  summary: string;
  /** The snippet's TypeScript source. */
  source: string;
}

export const examples: Example[] = [
  {
    id: "process-basics",
    title: "Process basics",
    topic: "Processes",
    summary: "Start one child process with an argument, wait for it with join(), and read its exit code.",
    source: processBasics,
  },
  {
    id: "join-timeout",
    title: "join() with a timeout",
    topic: "Processes",
    summary: "Wait for a busy child one second at a time, checking is_alive() in between.",
    source: joinTimeout,
  },
  {
    id: "unsynchronised-output",
    title: "Unsynchronised output",
    topic: "Processes",
    summary: "Two processes write to stdout without a lock, and their output interleaves as it happens.",
    source: unsynchronisedOutput,
  },
  {
    id: "exit-codes",
    title: "Exit codes and errors",
    topic: "Processes",
    summary: "Return, sys.exit(3), an uncaught ValueError, terminate() and kill(): each gives its own exitcode.",
    source: exitCodes,
  },
  {
    id: "queue",
    title: "Queue",
    topic: "Queues and pipes",
    summary: "A child puts a list into a Queue; the parent blocks in get() until it arrives and prints it.",
    source: queue,
  },
  {
    id: "pipe",
    title: "Pipe",
    topic: "Queues and pipes",
    summary: "A child sends a list through one end of a Pipe; the parent receives it on the other end.",
    source: pipe,
  },
  {
    id: "producers-consumers",
    title: "Producers and consumers",
    topic: "Queues and pipes",
    summary:
      "Two producers feed a work queue, two consumers drain it until a None sentinel, and results come back on a second queue.",
    source: producersConsumers,
  },
  {
    id: "bounded-queue",
    title: "Bounded queue (back-pressure)",
    topic: "Queues and pipes",
    summary:
      "A Queue(3) makes a fast producer's put() block until a slow consumer frees a slot; put_nowait() raises Full.",
    source: boundedQueue,
  },
  {
    id: "joinable-queue",
    title: "JoinableQueue: join() and task_done()",
    topic: "Queues and pipes",
    summary: "Daemon workers call task_done() after each job, and q.join() waits until every job is finished.",
    source: joinableQueue,
  },
  {
    id: "lock",
    title: "Lock: one at a time",
    topic: "Synchronisation",
    summary:
      "The Python docs' Lock example, run twice: ten processes' output mixed up without the lock, and kept whole with it.",
    source: lock,
  },
  {
    id: "rlock",
    title: "RLock: a recursive lock",
    topic: "Synchronisation",
    summary:
      "A recursive function takes the same RLock at every level; a plain Lock cannot be taken again by its holder.",
    source: rlock,
  },
  {
    id: "semaphore",
    title: "Semaphore: two at a time",
    topic: "Synchronisation",
    summary: "A Semaphore(2) lets at most two of five workers in at once; a BoundedSemaphore refuses an extra release.",
    source: semaphore,
  },
  {
    id: "event",
    title: "Event: a start signal",
    topic: "Synchronisation",
    summary: "Runners block in wait() until the main process calls set(); an impatient one waits with a timeout.",
    source: event,
  },
  {
    id: "condition",
    title: "Condition: wait_for() and notify()",
    topic: "Synchronisation",
    summary: "Customers wait_for() a loaf on a shared shelf, and the baker notify()s one of them for each loaf.",
    source: condition,
  },
  {
    id: "barrier",
    title: "Barrier: phases in step",
    topic: "Synchronisation",
    summary: "Three workers meet at a Barrier after each phase, and its action runs once each time it opens.",
    source: barrier,
  },
  {
    id: "value-race",
    title: "Value: lost updates and get_lock()",
    topic: "Synchronisation",
    summary:
      "Two processes add 1 to a shared Value 10,000 times each: without the lock updates are lost, with get_lock() the total is 20,000.",
    source: valueRace,
  },
  {
    id: "dining-philosophers-deadlock",
    title: "Dining philosophers: a deadlock",
    topic: "Synchronisation",
    summary:
      "Five philosophers each hold their left fork and wait for the right one; the playground reports the deadlock and ends the run.",
    source: diningPhilosophersDeadlock,
  },
  {
    id: "dining-philosophers",
    title: "Dining philosophers without deadlock",
    topic: "Synchronisation",
    summary: "Taking the lower-numbered fork first breaks the cycle of waits, so every philosopher eats.",
    source: diningPhilosophers,
  },
];
