// The `tongban` command line. Each domain adds its commands through a register function.
import { Command } from "commander";

const program = new Command()
  .name("tongban")
  .description("警情通办 — 古塘街道矛盾纠纷多渠道归集与闭环处置")
  .showHelpAfterError();

const { registerRegistryCommands } = await import("../regions/cli.js").catch(() => ({ registerRegistryCommands: undefined }));
registerRegistryCommands?.(program);
const { registerIntakeCommands } = await import("../intake/cli.js");
registerIntakeCommands(program);
const { registerCaseCommands } = await import("../cases/cli.js");
registerCaseCommands(program);
const { registerClassifierCommands } = await import("../classifier/cli.js");
const { labelledExamplesFromDatabase } = await import("../classifier/labelled-from-db.js");
registerClassifierCommands(program, { labelledExamples: labelledExamplesFromDatabase });
// `tongban eval-text <file>`: the measuring interface's name for `classifier eval-text`.
program
  .command("eval-text")
  .description("在带标注的文本上评估纠纷分类（同 classifier eval-text）")
  .argument("<file>")
  .option("--model <file>", "a model file instead of the shipped one")
  .action(async (file: string, opts: { model?: string }) => {
    const { evaluateTextFile } = await import("../classifier/evaluate-text.js");
    const { loadModel, loadShippedModel } = await import("../classifier/shipped-model.js");
    const model = opts.model ? loadModel(opts.model) : loadShippedModel();
    if (!model) throw new Error("no classifier model: run `tongban classifier train`");
    evaluateTextFile(file, model);
  });
const { registerDbCommands } = await import("../db/cli.js");
registerDbCommands(program);

await program.parseAsync(process.argv);
