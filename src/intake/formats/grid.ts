// Grid workers' reports from the hub's app: the common own-form shape plus the grid worker who filed it.
import { ownFormFormat } from "./own-form.js";

export const formatGrid = ownFormFormat("grid", "gridWorker");
