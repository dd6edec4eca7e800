import multiprocessing

multiprocessing.set_start_method("spawn", force=True)
mp = multiprocessing


def work():
    print("never printed")


print("module top level:", __name__)
p = mp.Process(target=work)
p.start()
p.join()
print("exitcode", p.exitcode)
