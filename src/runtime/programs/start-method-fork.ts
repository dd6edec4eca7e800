// Asks for the fork start method, which a browser cannot provide.
import { set_start_method } from "multiprocessing";

set_start_method("fork");
