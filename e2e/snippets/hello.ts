// A tiny program: one line of output from the main process.
import { current_process } from "multiprocessing";

print(`hello from ${current_process().name}`);
