// An uncaught exception in the main process, two frames deep.
function check(value: number) {
  if (value < 0) {
    throw new ValueError(`negative value: ${value}`);
  }
  return value;
}

if (__name__ === "__main__") {
  print("checking");
  check(-1);
  print("never printed");
}
