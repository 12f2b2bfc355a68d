// Summarises a V8 .cpuprofile (node --cpu-prof): the functions with the most self time, self time by file, and
// the inclusive time of the functions that call most of it.
//   node --import tsx bench/profile-summary.ts <file.cpuprofile> [--top 30]
import fs from "node:fs";
import path from "node:path";

interface ProfileNode {
  id: number;
  callFrame: { functionName: string; url: string; lineNumber: number };
  children?: number[];
}

interface Profile {
  nodes: ProfileNode[];
  samples: number[];
  timeDeltas: number[];
  startTime: number;
  endTime: number;
}

const REPO = path.resolve(path.dirname(new URL(import.meta.url).pathname), "..");

function where(url: string): string {
  if (!url) return "(native)";
  const file = url.replace(/^file:\/\//, "");
  const nm = file.lastIndexOf("node_modules/");
  if (nm >= 0) return file.slice(nm + "node_modules/".length);
  return file.startsWith(REPO) ? path.relative(REPO, file) : file;
}

function label(n: ProfileNode): string {
  const { functionName, url, lineNumber } = n.callFrame;
  return `${functionName || "(anonymous)"} ${where(url)}${url ? `:${lineNumber + 1}` : ""}`;
}

function main() {
  const args = process.argv.slice(2);
  const file = args.find((a) => !a.startsWith("--"));
  const topIndex = args.indexOf("--top");
  const top = topIndex >= 0 ? Number(args[topIndex + 1]) : 30;
  if (!file) {
    console.error("usage: node --import tsx bench/profile-summary.ts <file.cpuprofile> [--top N]");
    process.exit(2);
  }
  const profile = JSON.parse(fs.readFileSync(file, "utf8")) as Profile;
  const byId = new Map(profile.nodes.map((n) => [n.id, n]));
  const parent = new Map<number, number>();
  for (const n of profile.nodes) for (const c of n.children ?? []) parent.set(c, n.id);

  const self = new Map<string, number>();
  const selfByFile = new Map<string, number>();
  const inclusive = new Map<string, number>();
  let total = 0;
  let idle = 0;
  profile.samples.forEach((id, i) => {
    const dt = profile.timeDeltas[i] ?? 0;
    const node = byId.get(id)!;
    total += dt;
    if (node.callFrame.functionName === "(idle)") idle += dt;
    const key = label(node);
    self.set(key, (self.get(key) ?? 0) + dt);
    const f = where(node.callFrame.url) || node.callFrame.functionName;
    selfByFile.set(f, (selfByFile.get(f) ?? 0) + dt);
    // Inclusive: every distinct function on the stack once (recursion counted once).
    const seen = new Set<string>();
    for (let cur: number | undefined = id; cur !== undefined; cur = parent.get(cur)) {
      const k = label(byId.get(cur)!);
      if (seen.has(k)) continue;
      seen.add(k);
      inclusive.set(k, (inclusive.get(k) ?? 0) + dt);
    }
  });

  const busy = total - idle;
  const ms = (us: number) => (us / 1000).toFixed(0).padStart(7);
  const share = (us: number) => `${((us / busy) * 100).toFixed(1)}%`.padStart(6);
  const print = (title: string, entries: Map<string, number>, n: number) => {
    console.log(`\n${title}`);
    [...entries.entries()]
      .filter(([k]) => !k.startsWith("(idle)") && !k.startsWith("(root)") && !k.startsWith("(program)"))
      .sort((a, b) => b[1] - a[1])
      .slice(0, n)
      .forEach(([k, us]) => console.log(`${ms(us)} ms ${share(us)}  ${k}`));
  };
  console.log(`${file}: ${(total / 1e6).toFixed(1)} s sampled, ${(idle / 1e6).toFixed(1)} s idle (waiting on I/O), ${(busy / 1e6).toFixed(1)} s busy; shares are of busy time`);
  console.log(`(program) ${ms(self.get("(program) (native)") ?? 0)} ms, (garbage collector) ${ms(self.get("(garbage collector) (native)") ?? 0)} ms`);
  print(`Top ${top} functions by self time`, self, top);
  print("Self time by file", selfByFile, 25);
  print(`Top ${top} by inclusive time`, inclusive, top);
}

main();
