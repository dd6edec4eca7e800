// An import of a module the playground does not have.
// @ts-expect-error -- deliberately no such module: the run must raise ModuleNotFoundError
import * as np from "numpy";

print(np);
