// The labelled records of a generated delivery folder (channels/ + truth/records.jsonl): each record's narrative and
// channel words as intake maps them, joined to its true category. Used to train and to measure.
import fs from "node:fs";
import path from "node:path";
import { isCategory, type CategoryCode } from "../cases/categories.js";
import { FORMATS } from "../intake/formats/index.js";
import { readFolder, readRows } from "../intake/read/read-file.js";
import type { ReadRow } from "../intake/read/types.js";
import type { ChannelWords } from "./features.js";

export interface SampleRecord {
  channel: string;
  externalId: string;
  disputeId: string;
  category: CategoryCode;
  text: string;
  channelWords: ChannelWords;
}

export interface TruthLine {
  channel: string;
  externalId: string;
  disputeId: string;
  category: string;
}

/** Joins channel rows to their truth lines: each record once (redeliveries and corrections are the same report). */
export async function joinTruth(truthLines: TruthLine[], files: AsyncIterable<ReadRow>[]): Promise<SampleRecord[]> {
  const truth = new Map<string, TruthLine>();
  for (const t of truthLines) truth.set(`${t.channel}|${t.externalId}`, t);
  const out: SampleRecord[] = [];
  const seen = new Set<string>();
  for (const rows of files) {
    for await (const row of rows) {
      if (row.channel === null || row.fields === null) continue;
      const mapped = FORMATS[row.channel].map(row.fields);
      if (!mapped.ok) continue;
      const key = `${row.channel}|${mapped.draft.externalId}`;
      const t = truth.get(key);
      if (!t || seen.has(key) || !isCategory(t.category)) continue;
      seen.add(key);
      out.push({
        channel: row.channel,
        externalId: mapped.draft.externalId,
        disputeId: t.disputeId,
        category: t.category,
        text: mapped.draft.narrative,
        channelWords: { channel: row.channel, words: mapped.draft.categoryWords },
      });
    }
  }
  return out;
}

/** The records of a delivery folder on disk: channels/ and truth/records.jsonl. */
export async function loadSampleRecords(dir: string): Promise<SampleRecord[]> {
  const truthText = await fs.promises.readFile(path.join(dir, "truth", "records.jsonl"), "utf8");
  const truth = truthText.split("\n").filter((l) => l.trim() !== "").map((l) => JSON.parse(l) as TruthLine);
  const files: AsyncIterable<ReadRow>[] = [];
  for await (const entry of readFolder(path.join(dir, "channels"))) files.push(readRows(entry.file, { channel: entry.channel }));
  return joinTruth(truth, files);
}
