/// <reference path="../../src/shim/playground.d.ts" />
print(["one", "two", 3]);
