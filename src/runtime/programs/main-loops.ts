// The main process loops forever after one line of output.
print("looping");
while (true) {
  // spin
}
