// The dispute-type classifier: what the rest of the hub uses.
export { CATEGORIES, CATEGORY_NAMES, type CategoryCode } from "../cases/categories.js";
export { DEFAULT_CHANNEL_WORDS, type ChannelWordTable } from "./channel-words.js";
export type { ChannelWords, ChannelWordsInput } from "./features.js";
export { predict, parseModel, serialiseModel, type Model, type Prediction } from "./model.js";
export { loadModel, loadShippedModel, saveModel, SHIPPED_MODEL_PATH } from "./shipped-model.js";
export { train, type TrainingExample, type TrainOptions } from "./train.js";
export { gatherExamples, type LabelledExample, type LabelledExampleLoader } from "./training-data.js";
export { TRIAGE_CONFIDENCE, needsTriage } from "./triage.js";
