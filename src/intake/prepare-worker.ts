// One intake worker thread: builds its own cipher and address resolver from the setup it was started with, then
// prepares the chunks it is sent (prepareChunk: no database) and answers with plain data.
import { parentPort, workerData } from "node:worker_threads";
import { createCipher } from "../personal-data/cipher.js";
import { prepareDeps } from "./deps.js";
import { prepareChunk } from "./ingest.js";
import type { WorkerReply, WorkerRequest, WorkerSetup } from "./prepare-pool.js";

const setup = (workerData as { setup: WorkerSetup }).setup;
const deps = prepareDeps(createCipher(Buffer.from(setup.key)), setup);
const port = parentPort!;

port.on("message", (request: WorkerRequest) => {
  let reply: WorkerReply;
  try {
    reply = { id: request.id, chunk: prepareChunk(deps, request.rows, new Date(request.now)) };
  } catch (err) {
    const e = err instanceof Error ? err : new Error(String(err));
    reply = { id: request.id, error: { message: e.message, stack: e.stack } };
  }
  port.postMessage(reply);
});
port.postMessage({ ready: true });
