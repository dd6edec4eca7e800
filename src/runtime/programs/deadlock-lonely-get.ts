import { Queue } from "multiprocessing";

if (__name__ === "__main__") {
  const q = new Queue<string>();
  print("waiting");
  q.get(); // @line:lonely-get
}
