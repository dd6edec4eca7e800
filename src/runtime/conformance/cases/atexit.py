import multiprocessing
import time

multiprocessing.set_start_method("spawn", force=True)
mp = multiprocessing


def forever():
    while True:
        time.sleep(0.05)


def slow():
    time.sleep(0.3)
    print("non-daemon child finished after main's code ended")


if __name__ == "__main__":
    d = mp.Process(target=forever, daemon=True)
    n = mp.Process(target=slow)
    d.start()
    n.start()
    print("main's code ends here")
    raise RuntimeError("main fails, children are still handled")
