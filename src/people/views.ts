import { z } from "zod";

/** A person as shown by default: ID and phone masked. */
export const PersonView = z.object({
  id: z.number(),
  kind: z.enum(["person", "company"]),
  name: z.string(),
  idNumber: z.string().nullable(),
  phone: z.string().nullable(),
  addressText: z.string().nullable(),
  regionNodeId: z.number().nullable(),
  regionName: z.string().nullable(),
});
export type PersonView = z.infer<typeof PersonView>;

export const RevealedPerson = z.object({ id: z.number(), idNumber: z.string().nullable(), phone: z.string().nullable() });
