/// <reference path="../../src/shim/playground.d.ts" />
// The main process never ends by itself.
print("looping forever");
while (true) {
  // spin
}
