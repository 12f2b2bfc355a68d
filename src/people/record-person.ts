// Storing a person: ID and phone numbers encrypted, hashed for matching, masked for display.
import { people } from "./schema.js";
import type { Ctx } from "../server/context.js";
import { maskIdNumber, maskPhone } from "../personal-data/mask.js";

export interface PersonInput {
  kind?: "person" | "company";
  name: string;
  idNumber?: string | null;
  phone?: string | null;
  addressText?: string | null;
  regionNodeId?: number | null;
}

/** The key under which an ID number is matched (intake refines validation; this only canonicalises). */
export const idNumberKey = (s: string) => s.replace(/\s/g, "").toUpperCase();
export const phoneKey = (s: string) => s.replace(/\D/g, "").replace(/^86(?=1\d{10}$)/, "");

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
