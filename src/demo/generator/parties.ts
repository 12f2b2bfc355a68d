// Who is in a dispute and where it happens: the complainant (A), the other party (B, a person or an
// organisation) and the place of the matter, chosen to fit the story.
import { makeCompany, type Org } from "./companies.js";
import type { GenContext } from "./context.js";
import { makePerson, type Person, type PersonNeeds } from "./people.js";
import type { Spot } from "./places.js";
import type { Rng } from "./prng.js";
import type { PlaceNeed, Story } from "./story.js";

export type Other = { kind: "person"; person: Person } | { kind: "org"; org: Org };
export type Vulnerability = "elderly" | "disabled" | "pregnant";

const MAX_AGE = 66; // nobody else reaches 70 within the year, so age alone never makes a dispute vulnerable

/** Whether a home satisfies a story's place need. */
export function homeFits(need: PlaceNeed, home: Spot): boolean {
  if (need === "flat") return home.kind === "flat";
  if (need === "village") return home.kind === "village-house";
  return need === "home" && (home.kind === "flat" || home.kind === "village-house");
}

export const isHomeNeed = (need: PlaceNeed) => need === "home" || need === "flat" || need === "village";

/** A home for the complainant that fits the story. */
export function homeFor(ctx: GenContext, rng: Rng, need: PlaceNeed): Spot {
  if (need === "flat") return ctx.places.flat(rng);
  if (need === "village") return ctx.places.villageHouse(rng);
  return ctx.places.dwelling(rng);
}

/** The place of the matter when it is not the complainant's home. */
export function placeFor(ctx: GenContext, rng: Rng, need: PlaceNeed, where?: RegExp): Spot {
  const p = ctx.places;
  if (where) {
    const pool = need === "landmark" ? p.landmarks : p.shops;
    const fits = pool.filter((s) => where.test(s.name) || where.test(s.shopKind ?? ""));
    if (fits.length) return need === "landmark" ? p.landmark(rng, fits) : p.shop(rng, fits);
  }
  switch (need) {
    case "shop": return p.shop(rng, p.retail);
    case "food": return p.shop(rng, p.food);
    case "health": return p.shop(rng, p.health);
    case "training": return p.shop(rng, p.training);
    case "market": return p.landmark(rng, p.markets);
    case "school": return p.landmark(rng, p.schools);
    case "factory": return p.factory(rng);
    case "road": return rng.chance(0.55) ? p.crossing(rng) : p.roadNumber(rng);
    case "landmark": return p.landmark(rng);
    default: return p.dwelling(rng);
  }
}

export function complainantNeeds(rng: Rng, story: Story, vulnerable: Vulnerability | null): PersonNeeds {
  let age: [number, number] = story.aAge ? [story.aAge[0], Math.min(story.aAge[1], MAX_AGE)] : story.migrant ? [19, 55] : [24, MAX_AGE];
  if (story.pair === "in-law") age = [22, 40];
  if (story.pair === "engaged") age = [23, 35];
  if (vulnerable === "elderly") age = [70, Math.max(86, story.aAge?.[1] ?? 0)];
  if (vulnerable === "pregnant") age = [23, 38];
  const gender = vulnerable === "pregnant" ? "F" : story.aGender;
  // About half the workers in labour stories came from other provinces.
  return { age, gender, migrant: story.migrant === true && vulnerable === null && rng.chance(0.55) };
}

function clampAge(n: number): [number, number] {
  const a = Math.max(18, Math.min(MAX_AGE, n));
  return [a, a];
}

function ageOf(p: Person, year: number): number {
  return year - p.birth.y - 1;
}

/** The other party for a story: a neighbour, a relative, a stranger, or an organisation. */
export function otherParty(ctx: GenContext, rng: Rng, story: Story, a: Person, place: Spot, year: number): Other {
  const person = (home: Spot, needs: PersonNeeds, surname?: string): Other => {
    const p = makePerson(rng, ctx.personKey(), home, year, needs);
    if (surname && p.surname !== surname) {
      p.name = surname + p.name.slice(p.surname.length);
      p.surname = surname;
    }
    return { kind: "person", person: p };
  };
  const aAge = ageOf(a, year);
  const opposite = a.gender === "M" ? "F" : "M";
  switch (story.other) {
    case "neighbour": {
      const where = a.home.kind === "flat" ? (story.near ?? "near") : "near";
      return person(ctx.places.neighbour(rng, a.home, where), { age: [24, MAX_AGE] });
    }
    case "family":
      switch (story.pair) {
        case "couple": return person(a.home, { age: clampAge(aAge + rng.int(-5, 5)), gender: opposite });
        case "ex-couple": return person(ctx.places.dwelling(rng), { age: clampAge(aAge + rng.int(-5, 5)), gender: opposite });
        case "engaged": return person(ctx.places.dwelling(rng), { age: clampAge(aAge + rng.int(-3, 2)), gender: opposite });
        case "parent-of": return person(rng.chance(0.5) ? a.home : ctx.places.dwelling(rng), { age: clampAge(aAge - rng.int(22, 35)) }, a.surname);
        case "in-law": return person(a.home, { age: clampAge(aAge + rng.int(22, 28)), gender: "F" });
        default: return person(ctx.places.dwelling(rng), { age: clampAge(aAge + rng.int(-8, 8)) }, a.surname);
      }
    case "person":
      return person(ctx.places.dwelling(rng), { age: [24, MAX_AGE] });
    case "shop":
    case "hospital":
      return { kind: "org", org: ctx.orgAt(place, story.other === "hospital" ? "hospital" : "shop") };
    case "factory":
      return { kind: "org", org: ctx.orgAt(place, "factory") };
    case "property": {
      const org = ctx.propertyCompany(place);
      if (org) return { kind: "org", org };
      return { kind: "org", org: makeCompany(rng, ctx.orgKey(), "property", place) };
    }
    case "committee":
      return { kind: "org", org: ctx.publicBody(place, "committee") };
    case "demolition":
      return { kind: "org", org: ctx.publicBody(place, "demolition") };
    case "developer":
      return { kind: "org", org: makeCompany(rng, ctx.orgKey(), "developer", rng.chance(0.5) ? null : ctx.places.roadNumber(rng)) };
    default:
      return { kind: "org", org: makeCompany(rng, ctx.orgKey(), "company", rng.chance(0.4) ? null : ctx.places.roadNumber(rng), story.business) };
  }
}
