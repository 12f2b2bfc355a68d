// A worker thread's first module: Node does not load TypeScript by itself, so tsx is registered in this thread
// before the worker's own entry (given in workerData) is imported.
import { workerData } from "node:worker_threads";
import { register } from "tsx/esm/api";

register();
await import(workerData.entry);
