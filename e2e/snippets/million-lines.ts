// A lot of output, fast.
const N = 1_000_000;
for (let i = 0; i < N; i++) print(i);
