// node --import tsx src/demo/generator/main.ts <outdir> [--disputes N] [--seed S] [--from YYYY-MM-DD] [--to YYYY-MM-DD]
// Writes a year of channel records and their truth under <outdir> (channels/…, truth/…).
import { DEFAULT_DISPUTES, DEFAULT_SEED, writeDemo } from "./generate.js";

function parseArgs(argv: string[]) {
  const out: { dir?: string; disputes?: number; seed?: number; from?: Date; to?: Date } = {};
  for (let i = 0; i < argv.length; i++) {
    const a = argv[i];
    const value = () => {
      const v = argv[++i];
      if (v === undefined) throw new Error(`${a} needs a value`);
      return v;
    };
    const day = (v: string) => {
      const d = new Date(`${v}T00:00:00+08:00`);
      if (Number.isNaN(d.getTime())) throw new Error(`${a}: not a date (YYYY-MM-DD): ${v}`);
      return d;
    };
    if (a === "--disputes") out.disputes = Number(value());
    else if (a === "--seed") out.seed = Number(value());
    else if (a === "--from") out.from = day(value());
    else if (a === "--to") out.to = day(value());
    else if (!a.startsWith("--") && out.dir === undefined) out.dir = a;
    else throw new Error(`unknown argument: ${a}`);
  }
  if (!out.dir) throw new Error("usage: main.ts <outdir> [--disputes N] [--seed S] [--from YYYY-MM-DD] [--to YYYY-MM-DD]");
  if (out.disputes !== undefined && !(Number.isInteger(out.disputes) && out.disputes > 0)) throw new Error("--disputes must be a positive integer");
  if (out.seed !== undefined && !Number.isInteger(out.seed)) throw new Error("--seed must be an integer");
  return out as typeof out & { dir: string };
}

try {
  const args = parseArgs(process.argv.slice(2));
  const started = performance.now();
  const cpu0 = process.cpuUsage();
  const s = writeDemo(args.dir, args);
  const seconds = (performance.now() - started) / 1000;
  const cpu = process.cpuUsage(cpu0);
  const rss = Math.round(process.resourceUsage().maxRSS / 1024);
  console.log(
    `${s.disputes} disputes (seed ${args.seed ?? DEFAULT_SEED}${args.disputes ? "" : `, default ${DEFAULT_DISPUTES}`}), ${s.records} reports, ` +
      `${s.rows} rows in ${s.files} files → ${args.dir}  ${seconds.toFixed(1)} s (CPU ${((cpu.user + cpu.system) / 1e6).toFixed(1)} s), peak RSS ${rss} MB`,
  );
} catch (err) {
  console.error((err as Error).message);
  process.exitCode = 1;
}
