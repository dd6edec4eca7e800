import multiprocessing
import os
import sys

multiprocessing.set_start_method("spawn", force=True)
mp = multiprocessing
print("top level runs as", __name__)


def f(val, items):
    cp = multiprocessing.current_process()
    print(f"In child process: name={cp.name}, val={val}")
    print(items, {"a": 1, "b'c": [True, None]}, {1}, {"k": 2.5})
    print("pid matches:", os.getpid() == cp.pid, "parent:", multiprocessing.parent_process().name, os.getppid() == multiprocessing.parent_process().pid)
    print("a", "b", sep="-", end="!\n")
    print(sys.stdout.write("café 😀\n"))


if __name__ == "__main__":
    print("parent is", multiprocessing.current_process().name, multiprocessing.parent_process())
    p = mp.Process(target=f, args=("param_val", ["one", "two", 3, "it's", 'say "hi"', "tab\there"]))
    print(p.pid, p.exitcode, p.is_alive(), p.name, p.daemon)
    p.start()
    # Printed after join: the child prints concurrently from the moment it starts.
    tracked = len(multiprocessing.active_children()) == 1 and multiprocessing.active_children()[0] is p
    p.join()
    print(tracked)
    print("exitcode", p.exitcode, p.is_alive(), len(multiprocessing.active_children()))
