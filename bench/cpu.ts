// CPU seconds spent by the embedded PostgreSQL during a phase: its postmaster and every child (backends,
// WAL writer, checkpointer), read from /proc. Tells whether ingest waits on the server or the server on ingest.
import fs from "node:fs";
import path from "node:path";

const TICKS_PER_SECOND = 100; // USER_HZ on Linux

/** utime + stime, in seconds, of one process; 0 when it is gone. */
function processSeconds(pid: number): number {
  try {
    const stat = fs.readFileSync(`/proc/${pid}/stat`, "utf8");
    // Fields after the command name (which may hold spaces) start at ") ": state is field 3, utime 14, stime 15.
    const fields = stat.slice(stat.lastIndexOf(")") + 2).split(" ");
    return (Number(fields[11]) + Number(fields[12])) / TICKS_PER_SECOND;
  } catch {
    return 0;
  }
}

function parentOf(pid: number): number {
  try {
    const stat = fs.readFileSync(`/proc/${pid}/stat`, "utf8");
    return Number(stat.slice(stat.lastIndexOf(")") + 2).split(" ")[1]);
  } catch {
    return -1;
  }
}

/**
 * CPU seconds of the server whose data folder is `clusterDir` (the postmaster.pid is in `clusterDir/pg`), children
 * included; exited children count through the postmaster's cumulative child times (cutime + cstime).
 */
export function serverCpuSeconds(clusterDir: string): number | null {
  let postmaster: number;
  try {
    postmaster = Number(fs.readFileSync(path.join(clusterDir, "pg", "postmaster.pid"), "utf8").split("\n")[0]);
  } catch {
    return null;
  }
  let total = processSeconds(postmaster);
  try {
    const stat = fs.readFileSync(`/proc/${postmaster}/stat`, "utf8");
    const fields = stat.slice(stat.lastIndexOf(")") + 2).split(" ");
    total += (Number(fields[13]) + Number(fields[14])) / TICKS_PER_SECOND;
  } catch {
    return null;
  }
  for (const entry of fs.readdirSync("/proc")) {
    const pid = Number(entry);
    if (pid && parentOf(pid) === postmaster) total += processSeconds(pid);
  }
  return total;
}

/** This process's CPU seconds (all threads: the main thread, GC helpers, libuv's pool). */
export const ownCpuSeconds = () => {
  const u = process.cpuUsage();
  return (u.user + u.system) / 1e6;
};
