import multiprocessing

multiprocessing.set_start_method("spawn", force=True)
mp = multiprocessing


class Worker(mp.Process):
    def __init__(self, label, count):
        super().__init__()
        self.label = label
        self.count = count

    def run(self):
        print(f"{multiprocessing.current_process().name} runs {self.label} x{self.count}", self.name)
        g = mp.Process(target=grandchild)
        g.start()
        g.join()


def grandchild():
    print("grandchild", multiprocessing.current_process().name)


def child():
    print("child", multiprocessing.current_process().name)


if __name__ == "__main__":
    unused = mp.Process(target=child)
    a = mp.Process(target=child)
    named = mp.Process(target=child, name="custom")
    w = Worker("job", 3)
    print(unused.name, a.name, named.name, w.name)
    for p in [a, named, w]:
        p.start()
        p.join()
