// A delivery folder of a few thousand invented rows across the outside channels, with the mess a real one has:
// redeliveries and corrections in later files, and a few rows that must be quarantined.
import fs from "node:fs";
import path from "node:path";
import { allAddresses, channelText, encodeFor, EXTENSION, nativeRow, OUTSIDE_CHANNELS, type OutsideChannel, type Report } from "./channel-files.js";

export interface BulkFolder {
  files: number;
  /** Every row written, bad ones included. */
  rows: number;
  /** Distinct (channel, id) among the rows that can become records. */
  distinctIds: number;
  /** Rows that must end in quarantine. */
  bad: number;
  /** Rows that change a record of an earlier file (each a version 2). */
  corrections: number;
}

const addresses = allAddresses();

function report(channel: OutsideChannel, file: number, i: number, corrected = false): Report {
  const n = file * 100_000 + i;
  return {
    id: `${channel.toUpperCase()}-${file}-${i}`,
    time: `2025-0${1 + (file % 9)}-${String(1 + (i % 28)).padStart(2, "0")} ${String(8 + (i % 12)).padStart(2, "0")}:15:00`,
    name: `测试${i % 97}号`,
    phone: `139${String(n).padStart(8, "0")}`,
    address: addresses[n % addresses.length].text,
    narrative: corrected ? `已更正：第${file}批第${i}件事项，邻里之间因噪音发生矛盾` : `第${file}批第${i}件事项，邻里之间因噪音发生矛盾`,
    category: "纠纷",
    amount: i % 5 === 0 ? 1000 + i : null,
    peopleCount: 1 + (i % 4),
  };
}

/**
 * `filesPerChannel` files of `rowsPerFile` good rows each, for every outside channel. From the second file on, each
 * file also repeats 5 rows of the previous file unchanged (redeliveries) and 5 changed (corrections), and every file
 * carries one row without its narrative (missing_required).
 */
export function writeBulkFolder(dir: string, opts: { filesPerChannel: number; rowsPerFile: number }): BulkFolder {
  const out: BulkFolder = { files: 0, rows: 0, distinctIds: 0, bad: 0, corrections: 0 };
  for (const channel of OUTSIDE_CHANNELS) {
    const folder = path.join(dir, channel);
    fs.mkdirSync(folder, { recursive: true });
    for (let f = 0; f < opts.filesPerChannel; f++) {
      const reports: Report[] = [];
      for (let i = 0; i < opts.rowsPerFile; i++) reports.push(report(channel, f, i));
      out.distinctIds += opts.rowsPerFile;
      if (f > 0) {
        for (let i = 0; i < 5; i++) reports.splice(i * 7, 0, report(channel, f - 1, i));
        for (let i = 5; i < 10; i++) reports.splice(i * 7, 0, report(channel, f - 1, i, true));
        out.corrections += 5;
      }
      reports.splice(3, 0, { ...report(channel, f, opts.rowsPerFile), narrative: "" });
      out.bad++;
      out.rows += reports.length;
      out.files++;
      fs.writeFileSync(path.join(folder, `${channel}_2025${String(f + 1).padStart(2, "0")}.${EXTENSION[channel]}`), encodeFor(channel, channelText(channel, reports.map((r) => nativeRow(channel, r)))));
    }
  }
  return out;
}
