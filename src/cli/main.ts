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
const { registerDbCommands } = await import("../db/cli.js");
registerDbCommands(program);

await program.parseAsync(process.argv);
