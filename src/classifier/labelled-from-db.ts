// Staff corrections (and other labelled examples) kept in the database, for `tongban classifier train`.
import { loadConfig } from "../config.js";
import { createDb, closeDb } from "../db/client.js";
import { openDatabaseTarget } from "../db/database.js";
import { applyMigrations } from "../db/migrate.js";
import { isCategory } from "../cases/categories.js";
import type { LabelledExample } from "./training-data.js";

export async function labelledExamplesFromDatabase(): Promise<LabelledExample[]> {
  const target = await openDatabaseTarget(loadConfig());
  const db = createDb(target.url, 2);
  try {
    await applyMigrations(db);
    const { rows } = await db.$client.query<{ text: string; category: string; source: string; channel_words: string[] }>(
      `SELECT text, category, source, channel_words FROM labelled_examples ORDER BY id`,
    );
    return rows.filter((r) => isCategory(r.category)).map((r) => ({ text: r.text, category: r.category as LabelledExample["category"], source: r.source, channelWords: r.channel_words }));
  } finally {
    await closeDb(db);
    await target.embedded?.stop();
  }
}
