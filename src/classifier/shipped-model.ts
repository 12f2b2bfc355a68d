// The trained model that ships with the project (src/classifier/model.json), loaded once per process on first use.
import fs from "node:fs";
import path from "node:path";
import { fileURLToPath } from "node:url";
import { parseModel, serialiseModel, type Model } from "./model.js";

/** Where `tongban classifier train` writes by default, and where the hub reads the model from. */
export const SHIPPED_MODEL_PATH = path.join(path.dirname(fileURLToPath(import.meta.url)), "model.json");

let shipped: Model | null | undefined;

export function loadModel(file: string): Model {
  return parseModel(fs.readFileSync(file, "utf8"));
}

/** The shipped model, or null when there is none yet (cases then wait in triage). Read once per process. */
export function loadShippedModel(): Model | null {
  if (shipped !== undefined) return shipped;
  shipped = fs.existsSync(SHIPPED_MODEL_PATH) ? loadModel(SHIPPED_MODEL_PATH) : null;
  return shipped;
}

/** Writes a model; when it is the shipped file, the next loadShippedModel in this process reads the new one. */
export function saveModel(model: Model, file: string = SHIPPED_MODEL_PATH): void {
  const tmp = `${file}.${process.pid}.tmp`;
  fs.writeFileSync(tmp, serialiseModel(model));
  fs.renameSync(tmp, file);
  if (path.resolve(file) === SHIPPED_MODEL_PATH) shipped = model;
}
