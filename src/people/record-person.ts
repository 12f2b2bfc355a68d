// Storing a person: ID and phone numbers encrypted, hashed for matching, masked for display.
import { people } from "./schema.js";
import type { Ctx } from "../server/context.js";
import { maskIdNumber, maskPhone } from "../personal-data/mask.js";
import { normaliseIdNumber } from "../intake/normalise/id-number.js";
import { normalisePhone } from "../intake/normalise/phone.js";

export interface PersonInput {
  kind?: "person" | "company";
  name: string;
  idNumber?: string | null;
  phone?: string | null;
  addressText?: string | null;
  regionNodeId?: number | null;
}

// Numbers in the same canonical form intake gives them, so that their keyed hashes meet the person index's.
const idNumberKey = (s: string) => normaliseIdNumber(s).value ?? s.trim();
const phoneKey = (s: string) => normalisePhone(s).value ?? s.trim();

export async function recordPerson(ctx: Pick<Ctx, "tx" | "cipher">, input: PersonInput) {
  const id = input.idNumber ? idNumberKey(input.idNumber) : null;
  const phone = input.phone ? phoneKey(input.phone) : null;
  const [row] = await ctx.tx
    .insert(people)
    .values({
      kind: input.kind ?? "person",
      name: input.name,
      idNumberEnc: id ? ctx.cipher.encrypt(id) : null,
      idNumberHash: id ? ctx.cipher.hash(id) : null,
      idNumberMasked: id ? maskIdNumber(id) : null,
      phoneEnc: phone ? ctx.cipher.encrypt(phone) : null,
      phoneHash: phone ? ctx.cipher.hash(phone) : null,
      phoneMasked: phone ? maskPhone(phone) : null,
      addressText: input.addressText ?? null,
      regionNodeId: input.regionNodeId ?? null,
    })
    .returning();
  return row;
}
