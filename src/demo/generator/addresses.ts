// Writing a place the way callers and clerks do: the full standard address, a short form, a building without the
// room, a compound's name alone, a village group with or without the house number, a shop by its nickname, a
// landmark with 对面 / 门口.
import type { Places, Spot } from "./places.js";
import type { Rng } from "./prng.js";

const PREFIXES = ["浙江省宁波市慈溪市古塘街道", "宁波市慈溪市古塘街道", "慈溪市古塘街道", "古塘街道", "慈溪古塘", "", ""];
const CN_DIGITS = ["零", "一", "二", "三", "四", "五", "六", "七", "八", "九", "十"];

function cnSmall(n: number): string {
  if (n <= 10) return CN_DIGITS[n];
  if (n < 20) return `十${CN_DIGITS[n - 10]}`;
  return `${CN_DIGITS[Math.floor(n / 10)]}十${n % 10 ? CN_DIGITS[n % 10] : ""}`;
}

export interface RenderedAddress {
  text: string;
  /** How precise it is: full (names the micro-grid), partial (grid), community. */
  detail: "full" | "partial" | "community";
}

/**
 * An address for the spot. `precise` is the share of full addresses; the rest name only the compound, the group,
 * the building, or just the community.
 */
export function renderAddress(rng: Rng, spot: Spot, places: Places, precise = 0.85): RenderedAddress {
  const prefix = rng.pick(PREFIXES);
  if (rng.chance(0.03)) return { text: `宁波市慈溪市古塘街道${places.communityShortName(spot.community)}`, detail: "community" };
  const full = rng.chance(precise);
  switch (spot.kind) {
    case "flat":
      return full ? { text: flatAddress(rng, spot, prefix), detail: "full" } : { text: flatPartial(rng, spot, prefix), detail: "partial" };
    case "village-house": {
      const group = groupName(rng, spot);
      return full ? { text: `${prefix}${group}${spot.house}号`, detail: "full" } : { text: `${prefix}${group}`, detail: "partial" };
    }
    case "road":
      return { text: `${prefix}${spot.road}${spot.number}号`, detail: "full" };
    case "shop":
    case "factory": {
      const nick = spot.alias ?? spot.name;
      const forms = [spot.name, nick, `${prefix}${spot.name}`];
      if (spot.address) forms.push(`${spot.address}${nick}`, `${prefix}${spot.address}`, `${prefix}${spot.address}`);
      if (spot.kind === "shop") forms.push(`${nick}门口`);
      return { text: rng.pick(forms), detail: "full" };
    }
    case "landmark": {
      const suffix = spot.name.endsWith("门口") ? rng.pick(["", "附近"]) : rng.pick(["", "", "附近", "对面", "门口", "旁边"]);
      return { text: `${rng.chance(0.4) ? prefix : ""}${spot.name}${suffix}`, detail: "full" };
    }
    case "crossing": {
      const suffix = rng.pick(["", "", "附近", `往${rng.pick(["东", "西", "南", "北"])}${rng.int(2, 15) * 10}米`]);
      return { text: `${rng.chance(0.3) ? prefix : ""}${spot.name}${suffix}`, detail: "full" };
    }
    case "public-body":
      return { text: rng.chance(0.5) ? spot.name : (spot.alias ?? spot.name), detail: "full" };
  }
}

function compoundName(rng: Rng, spot: Spot): string {
  return spot.alias && rng.chance(0.3) ? spot.alias : spot.name;
}

function flatAddress(rng: Rng, s: Spot, prefix: string): string {
  const name = compoundName(rng, s);
  switch (rng.int(0, 5)) {
    case 0:
      return `浙江省宁波市慈溪市古塘街道${s.name}${s.building}幢${s.unit}单元${s.room}室`;
    case 1:
      return `${prefix}${name}${s.building}幢${s.unit}单元${s.room}室`;
    case 2:
      return `${prefix}${name}${s.building}-${s.unit}-${s.room}`;
    case 3:
      return `${prefix}${name}${s.building}号楼${s.unit}单元${s.room}`;
    case 4:
      return `${prefix}${name}${s.building}栋${s.room}室`;
    default:
      return `${prefix}${name}${cnSmall(s.building!)}幢${s.room}`;
  }
}

function flatPartial(rng: Rng, s: Spot, prefix: string): string {
  const name = compoundName(rng, s);
  return rng.chance(0.5) ? `${prefix}${name}${s.building}幢` : `${prefix}${name}`;
}

/** 团圈1组, 团圈社区一组, 太屺村4组, 太屺村四组. */
function groupName(rng: Rng, s: Spot): string {
  if (!s.alias || rng.chance(0.6)) return s.name;
  return rng.chance(0.5) ? s.alias : s.name.replace(/(\d+)组$/, (_m, n: string) => `${cnSmall(+n)}组`);
}

/** A short mention inside a narrative: 阳光花苑5幢, 团圈3组, 老傅家面馆, 三北大街与上傅路交叉口. */
export function spotMention(rng: Rng, spot: Spot): string {
  switch (spot.kind) {
    case "flat":
      return rng.chance(0.6) ? `${compoundName(rng, spot)}${spot.building}幢` : compoundName(rng, spot);
    case "village-house":
      return spot.name;
    case "road":
      return `${spot.road}${spot.number}号`;
    case "shop":
    case "factory":
      return spot.alias && rng.chance(0.7) ? spot.alias : spot.name;
    default:
      return spot.name;
  }
}
