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
    const chunk = prepareChunk(deps, request.rows, new Date(request.now));
    // The COPY buffers are handed over, not copied: each has an ArrayBuffer of its own (CopyRowsWriter.finish).
    const { raw, records, people } = chunk.rows;
    const own = [raw.buffer, records.buffer, people.buffer] as ArrayBuffer[];
    return port.postMessage({ id: request.id, chunk } satisfies WorkerReply, own);
  } catch (err) {
    const e = err instanceof Error ? err : new Error(String(err));
    reply = { id: request.id, error: { message: e.message, stack: e.stack } };
  }
  port.postMessage(reply);
});
port.postMessage({ ready: true });
