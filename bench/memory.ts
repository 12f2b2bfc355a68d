// Peak resident memory of this process: sampled every 100 ms while a phase runs, and the kernel's own high-water
// mark (VmHWM), reset at the start of the phase so that set-up before it (the registry, migrations) does not count.
import fs from "node:fs";

const MB = 1024 * 1024;

/** Resets VmHWM to the current RSS (Linux ≥ 4.0); false when the kernel does not allow it. */
export function resetPeakRss(): boolean {
  try {
    fs.writeFileSync("/proc/self/clear_refs", "5");
    return true;
  } catch {
    return false;
  }
}

/** VmHWM in MB, or null off Linux. */
export function peakRssMb(): number | null {
  try {
    const kb = /VmHWM:\s+(\d+) kB/.exec(fs.readFileSync("/proc/self/status", "utf8"))?.[1];
    return kb ? Number(kb) / 1024 : null;
  } catch {
    return null;
  }
}

/** Samples process RSS every `everyMs` until stopped; a blocked event loop samples late, VmHWM does not. */
export function sampleRss(everyMs = 100) {
  let max = process.memoryUsage.rss();
  const timer = setInterval(() => (max = Math.max(max, process.memoryUsage.rss())), everyMs);
  timer.unref();
  return {
    current: () => process.memoryUsage.rss() / MB,
    stop: () => {
      clearInterval(timer);
      max = Math.max(max, process.memoryUsage.rss());
      return max / MB;
    },
  };
}
