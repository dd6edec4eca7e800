// Lock: one process at a time, as in the Python docs' "Synchronization between
// processes".
//
// The docs' program starts 10 processes that each print "hello world" and their
// number while holding a shared Lock, and warn that without the lock "output from
// the different processes is liable to get all mixed up". This example runs it
// both ways, so you can see the mix-up and what the lock prevents.
//
// CPython's print('hello world', i) makes one write() per piece: the text, the
// separator, the number and the newline. The playground's print makes one write
// for the whole line, so here write_in_pieces() does what CPython's print does,
// piece by piece, with a tiny pause that stands in for a slow terminal.
//
// Watch the console: in the first half the pieces of different lines interleave
// ("hello worldhello world 3 ..."). In the second half every line is whole, though
// the numbers still come in whatever order the processes got the lock: a lock
// gives one holder at a time, not a turn order. On the timeline, the second
// half's processes show "blocked on acquire" while another one holds the lock.
import { Lock, Process } from "multiprocessing";
import * as sys from "sys";
import * as time from "time";

/** print(...values), one write per piece, as CPython's print writes. */
function write_in_pieces(...values: (string | number)[]) {
  const pieces = values.flatMap((v, k) => (k === 0 ? [String(v)] : [" ", String(v)]));
  for (const piece of [...pieces, "\n"]) {
    sys.stdout.write(piece);
    time.sleep(0.01);
  }
}

// Without the lock: nothing stops two processes from writing at the same time.
function g(i: number) {
  write_in_pieces("hello world", i);
}

// The docs' f, line for line: acquire, print, and release in a finally clause so
// the lock is released even if printing raised.
function f(l: Lock, i: number) {
  l.acquire();
  try {
    write_in_pieces("hello world", i); // CPython: print('hello world', i)
  } finally {
    l.release();
  }
}

if (__name__ === "__main__") {
  print("--- without a lock ---");
  const unlocked = [];
  for (let num = 0; num < 10; num++) {
    const p = new Process({ target: g, args: [num] });
    p.start();
    unlocked.push(p);
  }
  for (const p of unlocked) {
    p.join();
  }

  print("--- with a lock (the docs' program) ---");
  const lock = new Lock();
  for (let num = 0; num < 10; num++) {
    new Process({ target: f, args: [lock, num] }).start();
  }
  // Like the docs, no join(): the main process waits for its children when it ends.
}
