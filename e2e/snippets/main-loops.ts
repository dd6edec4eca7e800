// The main process never ends by itself.
print("looping forever");
while (true) {
  // spin
}
