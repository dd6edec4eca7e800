import multiprocessing
from multiprocessing.reduction import ForkingPickler

multiprocessing.set_start_method("spawn", force=True)
mp = multiprocessing


def attempt(label, f):
    try:
        print(label, f())
    except Exception as e:
        print(label, type(e).__name__ + ":", e)


def add(counter, total, n):
    for _ in range(n):
        with counter.get_lock():
            counter.value += 1
    with total:
        total.value += n


def fill(arr, raw, text):
    for i in range(len(arr)):
        arr[i] = arr[i] * 10
    raw[-1] = 99
    text.value = b"child"


if __name__ == "__main__":
    for code in "bhilqc":
        print(code, mp.Value(code), mp.RawValue(code))
    attempt("b wraps:", lambda: mp.Value("b", 127 + 1).value)
    v = mp.Value("b", 127)
    v.value += 1
    print("b 127 + 1:", v.value)
    attempt("h wraps:", lambda: mp.Value("h", 40000).value)
    attempt("i wraps:", lambda: mp.Value("i", 2**31).value)
    attempt("B wraps:", lambda: mp.RawValue("B", -1).value)
    attempt("q:", lambda: mp.Value("q", -(2**53)).value)
    attempt("l:", lambda: mp.RawValue("l", 2**53).value)
    attempt("f:", lambda: mp.Value("f", 0.1).value)
    attempt("d:", lambda: mp.Value("d", 0.1).value)
    attempt("c:", lambda: mp.Value("c", b"a").value)
    attempt("c int:", lambda: mp.Value("c", 97))
    attempt("c str:", lambda: mp.Value("c", "a"))
    attempt("x:", lambda: mp.Value("x", 1))
    attempt("i float:", lambda: mp.Value("i", 1.5))
    attempt("i str:", lambda: mp.Value("i", "one"))
    attempt("d str:", lambda: mp.Value("d", "one"))
    attempt("no args:", lambda: mp.Value())
    attempt("bad keyword:", lambda: mp.Value("i", 1, foo=1))
    attempt("lock 3:", lambda: mp.Value("i", 1, lock=3))
    v = mp.Value("i", 5)
    print(v, v.get_lock(), v.value)
    print(mp.Value("d", 1.5), mp.Value("i", 1, lock=False), mp.RawValue("d", 2.5))
    attempt("raw get_lock:", lambda: mp.RawValue("d", 2.5).get_lock())
    attempt("unlocked get_lock:", lambda: mp.Value("i", 1, lock=False).get_lock())
    lock = mp.Lock()
    v = mp.Value("i", 7, lock=lock)
    print("own lock:", v.get_lock() is lock, v.get_lock())
    with v:
        print("with v:", lock)
    print(v.get_obj())

    a = mp.Array("i", [1, 2, 3])
    print(a.get_lock(), len(a), a[0], a[-1], a[:], list(a))
    attempt("a[3]:", lambda: a[3])
    attempt("a[-4]:", lambda: a[-4])
    attempt("a[3] = 1:", lambda: a.__setitem__(3, 1))
    attempt("a[0] = 1.5:", lambda: a.__setitem__(0, 1.5))
    a[1] = 20
    print(a[:], a[1:], a[:-1], a[::2], a[::-1], a[5:9])
    a[0:2] = [7, 8]
    print(a[:])
    attempt("a[2:4] = [1, 2]:", lambda: a.__setitem__(slice(2, 4), [1, 2]))
    attempt("Array x:", lambda: mp.Array("x", 3))
    attempt("Array -1:", lambda: mp.Array("i", -1))
    attempt("Array 2.5:", lambda: mp.Array("i", 2.5))
    attempt("Array None:", lambda: mp.Array("i", None))
    attempt("Array str:", lambda: mp.Array("i", "abc"))
    attempt("Array missing:", lambda: mp.Array("i"))
    attempt("Array bytes:", lambda: mp.Array("b", [127, 128, 300])[:])
    attempt("Array f:", lambda: mp.Array("f", [0.1, 0.25])[:])
    attempt("Array len 0:", lambda: mp.Array("i", 0)[:])
    attempt("value of i array:", lambda: mp.Array("i", 3).value)
    attempt("raw array get_lock:", lambda: mp.RawArray("i", 2).get_lock())
    s = mp.Array("c", b"hi!")
    print(s[0], s[:], s.value, s.raw, s[1:])
    s.value = b"a"
    print(s.raw, s.value)
    attempt("too long:", lambda: setattr(s, "value", b"abcd"))
    print(mp.RawArray("d", [1.5, 2.5])[:], mp.RawArray("i", 2)[:])

    for o in [
        mp.Value("i", 1),
        mp.Array("i", 2),
        mp.Array("c", 2),
        mp.RawValue("i", 1),
        mp.RawArray("i", 2),
        mp.RawValue("d", 1),
        mp.Value("c", 1, lock=False),
    ]:
        attempt("put:", lambda: ForkingPickler.dumps(o))

    counter = mp.Value("i", 0)
    total = mp.Value("q", 0)
    ps = [mp.Process(target=add, args=(counter, total, 500)) for _ in range(3)]
    for p in ps:
        p.start()
    for p in ps:
        p.join()
    print("counter:", counter.value, "total:", total.value)

    arr = mp.Array("d", [0.25, 1.25, 2.25])
    raw = mp.RawArray("i", 3)
    text = mp.Array("c", 8)
    p = mp.Process(target=fill, args=(arr, raw, text))
    p.start()
    p.join()
    print("child wrote:", arr[:], raw[:], text.value)
