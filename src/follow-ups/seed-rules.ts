// The default follow-up rules (being built).
import type { Db } from "../db/client.js";

export async function seedFollowUpRules(_db: Db): Promise<void> {}
