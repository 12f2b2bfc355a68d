// The street's address registry file (标准地址库与网格图), as handed over by 古塘街道.
// The parts that become the region tree (street, communities, grids, micro-grids) are checked strictly,
// including their cross-references, because a wrong parent would silently move cases between grids.
// Roads and places are only loosely typed here: address resolution reads them later and checks what it uses.
import { z } from "zod";

export const COMMUNITY_KINDS = ["社区", "村"] as const;
export const SPECIAL_GRID_KINDS = ["industrial-park", "school", "hospital", "market", "commercial-complex"] as const;
export const MICRO_GRID_KINDS = ["buildings", "village-group", "street", "special"] as const;

const Code = (pattern: RegExp, form: string) => z.string().regex(pattern, `expected a code of the form ${form}`);
const StreetCode = Code(/^\d{9}$/, "9 digits (330282006)");
const CommunityCode = Code(/^\d{12}$/, "12 digits (330282006001)");
const GridCode = Code(/^\d{12}-[GZ]\d{2}$/, "<community>-G<nn> or <community>-Z<nn>");
const MicroGridCode = Code(/^\d{12}-[GZ]\d{2}-W\d{2}$/, "<grid>-W<nn>");
const Name = z.string().trim().min(1);

/** An inclusive [from, to] range of building or house numbers. */
const NumberRange = z
  .tuple([z.number().int().positive(), z.number().int().positive()])
  .refine(([from, to]) => from <= to, "range must run from low to high");

const Street = z.object({
  code: StreetCode,
  name: Name,
  addressPrefix: Name,
  /** 省 → 地级市 → 县级市, top first. */
  parents: z.array(z.object({ code: Code(/^\d{2,6}$/, "2 to 6 digits"), name: Name, level: Name })).length(3),
});

const Community = z.object({
  code: CommunityCode,
  name: Name,
  shortName: Name,
  kind: z.enum(COMMUNITY_KINDS),
  grids: z.array(GridCode),
});

const Grid = z.object({
  code: GridCode,
  name: Name,
  community: CommunityCode,
  special: z.boolean(),
  specialKind: z.enum(SPECIAL_GRID_KINDS).nullable(),
  specialKindName: z.string().nullable(),
  /** How many micro-grids the street says the grid has; checked against the micro-grid list. */
  microGrids: z.number().int().nonnegative(),
});

const MicroGridBase = {
  code: MicroGridCode,
  name: Name,
  grid: GridCode,
  community: CommunityCode,
  places: z.array(z.string()),
};

const MicroGrid = z.discriminatedUnion("kind", [
  z.object({ ...MicroGridBase, kind: z.literal("buildings"), place: z.string(), buildings: NumberRange }),
  z.object({ ...MicroGridBase, kind: z.literal("village-group"), place: z.string(), houseNumbers: NumberRange }),
  z.object({ ...MicroGridBase, kind: z.literal("street"), road: Name, numbers: NumberRange }),
  z.object({ ...MicroGridBase, kind: z.literal("special") }),
]);

const Road = z.looseObject({ name: Name, ranges: z.array(z.looseObject({})) });
const Place = z.looseObject({ id: z.string().min(1), kind: z.string().min(1), name: Name });

const RegistryShape = z.object({
  registry: z.string().optional(),
  version: z.number().int().nonnegative(),
  street: Street,
  communities: z.array(Community).min(1),
  grids: z.array(Grid),
  microGrids: z.array(MicroGrid),
  roads: z.array(Road),
  places: z.array(Place),
});

export const RegistrySchema = RegistryShape.superRefine((reg, ctx) => {
  for (const issue of crossReferenceIssues(reg)) ctx.addIssue({ code: "custom", ...issue });
});

export type Registry = z.infer<typeof RegistryShape>;
export type RegistryCommunity = Registry["communities"][number];
export type RegistryGrid = Registry["grids"][number];
export type RegistryMicroGrid = Registry["microGrids"][number];

type Issue = { path: (string | number)[]; message: string };

/** What the tree needs to hold together: unique codes, parents that exist, lists that agree with each other. */
function crossReferenceIssues(reg: Registry): Issue[] {
  const issues: Issue[] = [];
  const seen = new Set<string>();
  const unique = (code: string, path: (string | number)[]) => {
    if (seen.has(code)) issues.push({ path, message: `duplicate code "${code}"` });
    seen.add(code);
  };

  const { street } = reg;
  let above = "";
  street.parents.forEach((p, i) => {
    if (!p.code.startsWith(above)) issues.push({ path: ["street", "parents", i, "code"], message: `"${p.code}" does not lie under "${above}"` });
    above = p.code;
    unique(p.code, ["street", "parents", i, "code"]);
  });
  if (!street.code.startsWith(above)) issues.push({ path: ["street", "code"], message: `"${street.code}" does not lie under "${above}"` });
  unique(street.code, ["street", "code"]);

  const communities = new Map(reg.communities.map((c) => [c.code, c]));
  reg.communities.forEach((c, i) => {
    unique(c.code, ["communities", i, "code"]);
    if (!c.code.startsWith(street.code)) issues.push({ path: ["communities", i, "code"], message: `"${c.code}" is not a community of street ${street.code}` });
  });

  const grids = new Map(reg.grids.map((g) => [g.code, g]));
  const microGridCount = new Map<string, number>();
  for (const m of reg.microGrids) microGridCount.set(m.grid, (microGridCount.get(m.grid) ?? 0) + 1);
  reg.grids.forEach((g, i) => {
    unique(g.code, ["grids", i, "code"]);
    const community = communities.get(g.community);
    if (!community) issues.push({ path: ["grids", i, "community"], message: `unknown community "${g.community}"` });
    else if (!community.grids.includes(g.code))
      issues.push({ path: ["grids", i, "community"], message: `community ${g.community} does not list grid ${g.code}` });
    const specialCode = g.code.includes("-Z");
    if (g.special !== specialCode) issues.push({ path: ["grids", i, "special"], message: `special is ${g.special} but the code is ${specialCode ? "-Z (special)" : "-G (ordinary)"}` });
    if (g.special && (!g.specialKind || !g.specialKindName))
      issues.push({ path: ["grids", i, "specialKind"], message: "a special grid needs specialKind and specialKindName" });
    if (!g.special && (g.specialKind || g.specialKindName))
      issues.push({ path: ["grids", i, "specialKind"], message: "an ordinary grid has no specialKind" });
    const actual = microGridCount.get(g.code) ?? 0;
    if (actual !== g.microGrids) issues.push({ path: ["grids", i, "microGrids"], message: `says ${g.microGrids} micro-grids, the file has ${actual}` });
  });
  reg.communities.forEach((c, i) =>
    c.grids.forEach((code, j) => {
      if (grids.get(code)?.community !== c.code) issues.push({ path: ["communities", i, "grids", j], message: `grid "${code}" is not a grid of ${c.code}` });
    }),
  );

  reg.microGrids.forEach((m, i) => {
    unique(m.code, ["microGrids", i, "code"]);
    const grid = grids.get(m.grid);
    if (!grid) issues.push({ path: ["microGrids", i, "grid"], message: `unknown grid "${m.grid}"` });
    else if (grid.community !== m.community)
      issues.push({ path: ["microGrids", i, "community"], message: `"${m.community}" is not the community of grid ${m.grid} (${grid.community})` });
  });
  return issues;
}

/** A registry file that cannot be imported; `reasons` name each bad field ("grids[3].community: …"). */
export class RegistryFormatError extends Error {
  constructor(readonly reasons: string[]) {
    super(`invalid registry file:\n${reasons.map((r) => `  - ${r}`).join("\n")}`);
    this.name = "RegistryFormatError";
  }
}

const MAX_REASONS = 50;

function fieldPath(path: PropertyKey[]): string {
  return path.reduce<string>((s, key) => (typeof key === "number" ? `${s}[${key}]` : s ? `${s}.${String(key)}` : String(key)), "") || "(file)";
}

/** Validates a parsed registry document; throws RegistryFormatError listing what is wrong. */
export function parseRegistry(document: unknown): Registry {
  const result = RegistrySchema.safeParse(document);
  if (result.success) return result.data;
  const reasons = result.error.issues.map((issue) => `${fieldPath(issue.path)}: ${issue.message}`);
  const shown = reasons.slice(0, MAX_REASONS);
  if (reasons.length > MAX_REASONS) shown.push(`… and ${reasons.length - MAX_REASONS} more`);
  throw new RegistryFormatError(shown);
}
