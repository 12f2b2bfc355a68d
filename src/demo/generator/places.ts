// Places from the street's own registry: flats in compounds (building, unit, room), houses in village groups,
// road numbers, shops, factories, landmarks and crossings, each with its community, grid and micro-grid.
import type { Registry } from "../../regions/registry-format.js";
import type { Rng } from "./prng.js";

export type SpotKind = "flat" | "village-house" | "road" | "shop" | "factory" | "landmark" | "crossing" | "public-body";

export interface Spot {
  kind: SpotKind;
  placeId: string | null;
  /** The compound, village group, shop, factory, landmark or crossing; the road for a road number. */
  name: string;
  alias: string | null;
  community: string;
  grid: string;
  microGrid: string;
  building?: number;
  unit?: number;
  room?: number;
  floors?: number;
  units?: number;
  house?: number;
  road?: string;
  number?: number;
  /** A shop's or factory's door number on a road ("上傅路66号"). */
  address?: string | null;
  propertyCompany?: string | null;
  shopKind?: string | null;
  industry?: string | null;
}

interface RegPlace {
  id: string;
  kind: string;
  name: string;
  aliases?: string[];
  address?: string | null;
  community: string;
  grid: string;
  microGrid: string | null;
  buildings?: { no: number; microGrid: string }[];
  floors?: number;
  unitsPerBuilding?: number;
  propertyCompany?: string;
  houseNumbers?: { from: number; to: number; microGrid: string }[];
  village?: string;
  groupNo?: number;
  shopKind?: string;
  industry?: string;
}

interface RoadRange {
  road: string;
  from: number;
  to: number;
  community: string;
  grid: string;
  microGrid: string;
}

const HEALTH = /医院|卫生服务|门诊|诊所|护理院|推拿|药房|药店/;
const TRAINING = /培训|教育|健身|幼儿园/;
const FOOD = /面馆|酒家|饭店|菜馆|川菜|火锅|小吃|烧烤|快餐|大排档|奶茶|熟食|酒店|农家/;

/** The registry cut into what stories need; built once per registry. */
export class Places {
  readonly compounds: RegPlace[];
  readonly groups: RegPlace[];
  readonly shops: RegPlace[];
  readonly factories: RegPlace[];
  readonly landmarks: RegPlace[];
  readonly crossings: RegPlace[];
  readonly bodies: RegPlace[];
  readonly health: RegPlace[];
  readonly training: RegPlace[];
  readonly food: RegPlace[];
  readonly retail: RegPlace[];
  readonly markets: RegPlace[];
  readonly schools: RegPlace[];
  readonly roadRanges: RoadRange[];
  readonly communityName: Map<string, string>;

  constructor(readonly registry: Registry) {
    const places = registry.places as unknown as RegPlace[];
    const of = (kind: string) => places.filter((p) => p.kind === kind);
    this.compounds = of("compound");
    this.groups = of("village-group");
    this.shops = of("shop");
    this.factories = of("factory");
    this.landmarks = of("landmark");
    this.crossings = of("crossing");
    this.bodies = of("public-body");
    this.health = this.shops.filter((p) => HEALTH.test(p.name));
    this.training = this.shops.filter((p) => TRAINING.test(p.name));
    this.food = this.shops.filter((p) => FOOD.test(p.name));
    this.markets = [...this.shops, ...this.landmarks].filter((p) => /菜场|农贸市场|市场/.test(p.name));
    this.schools = [...this.landmarks, ...this.shops].filter((p) => /小学|幼儿园|学校|培训/.test(p.name));
    this.retail = this.shops.filter((p) => !HEALTH.test(p.name) && !TRAINING.test(p.name) && !/市场|菜场|幼儿园/.test(p.name));
    this.roadRanges = [];
    for (const road of registry.roads) {
      for (const r of road.ranges as unknown as (Omit<RoadRange, "road"> & { gateOf?: string })[]) {
        if (r.microGrid && !r.gateOf) this.roadRanges.push({ road: road.name, from: r.from, to: Math.min(r.to, r.from + 60), community: r.community, grid: r.grid, microGrid: r.microGrid });
      }
    }
    this.communityName = new Map(registry.communities.map((c) => [c.code, c.shortName]));
  }

  flat(rng: Rng, compound = rng.pick(this.compounds)): Spot {
    const b = rng.pick(compound.buildings!);
    const floors = compound.floors ?? 6;
    const units = compound.unitsPerBuilding ?? 2;
    const floor = rng.int(1, floors);
    const spot = base("flat", compound, b.microGrid);
    return {
      kind: spot.kind, placeId: spot.placeId, name: spot.name, alias: spot.alias, community: spot.community, grid: spot.grid, microGrid: spot.microGrid,
      building: b.no,
      unit: rng.int(1, units),
      room: floor * 100 + rng.int(1, units === 1 ? 4 : 2),
      floors,
      units,
      propertyCompany: compound.propertyCompany ?? null,
    };
  }

  villageHouse(rng: Rng, group = rng.pick(this.groups)): Spot {
    const range = rng.pick(group.houseNumbers!);
    return { ...base("village-house", group, range.microGrid), house: rng.int(range.from, Math.min(range.to, range.from + 70)) };
  }

  dwelling(rng: Rng): Spot {
    return rng.chance(0.72) ? this.flat(rng) : this.villageHouse(rng);
  }

  /** A home next to another: the flat above, below or across the landing; a house a few numbers away. */
  neighbour(rng: Rng, s: Spot, where: "above" | "below" | "across" | "near" = "near"): Spot {
    if (s.kind === "flat") {
      const floor = Math.floor(s.room! / 100);
      const door = s.room! % 100;
      let f = floor;
      let d = door;
      if (where === "above" || (where === "near" && rng.chance(0.4))) f = floor < s.floors! ? floor + 1 : floor - 1;
      else if (where === "below") f = floor > 1 ? floor - 1 : floor + 1;
      else d = door === 1 ? 2 : 1;
      if (f === floor && d === door) d = door === 1 ? 2 : 1;
      return { ...s, room: f * 100 + d };
    }
    if (s.kind === "village-house") {
      const group = this.groups.find((g) => g.id === s.placeId)!;
      const range = group.houseNumbers!.find((r) => r.microGrid === s.microGrid)!;
      let h = s.house! + rng.pick([-3, -2, -1, 1, 2, 3]);
      if (h < range.from || h > range.to) h = s.house! === range.from ? s.house! + 1 : s.house! - 1;
      return { ...s, house: h };
    }
    return s;
  }

  /** A home in the same building or village group, but not the given one (a look-alike dispute's place). */
  sameBlock(rng: Rng, s: Spot): Spot {
    if (s.kind === "flat") {
      const compound = this.compounds.find((c) => c.id === s.placeId)!;
      let other = this.flat(rng, compound);
      for (let i = 0; i < 5 && (other.building !== s.building || other.room === s.room); i++) other = this.flat(rng, compound);
      return other.building === s.building && other.room !== s.room ? other : this.neighbour(rng, s, "near");
    }
    if (s.kind === "village-house") return this.neighbour(rng, s, "near");
    return s;
  }

  shop(rng: Rng, from: RegPlace[] = this.retail): Spot {
    const p = rng.pick(from);
    return { ...base("shop", p, p.microGrid!), address: p.address ?? null, shopKind: p.shopKind ?? null };
  }

  factory(rng: Rng): Spot {
    const p = rng.pick(this.factories);
    return { ...base("factory", p, p.microGrid!), address: p.address ?? null, industry: p.industry ?? null };
  }

  landmark(rng: Rng, from: RegPlace[] = this.landmarks): Spot {
    const p = rng.pick(from);
    return { ...base(p.kind === "shop" ? "shop" : "landmark", p, p.microGrid!), address: p.address ?? null };
  }

  crossing(rng: Rng): Spot {
    const p = rng.pick(this.crossings);
    return base("crossing", p, p.microGrid!);
  }

  roadNumber(rng: Rng): Spot {
    const r = rng.pick(this.roadRanges);
    return { kind: "road", placeId: null, name: r.road, alias: null, community: r.community, grid: r.grid, microGrid: r.microGrid, road: r.road, number: rng.int(r.from, r.to) };
  }

  /** A village body or the street office, for land and demolition stories. */
  body(spot: Spot, kind: "committee" | "demolition"): Spot {
    const want = kind === "demolition" ? this.bodies.find((b) => /征迁/.test(b.name)) : this.bodies.find((b) => b.community === spot.community && /村民委员会/.test(b.name));
    const p = want ?? this.bodies.find((b) => /办事处/.test(b.name))!;
    return base("public-body", p, p.microGrid!);
  }

  communityShortName(code: string): string {
    return this.communityName.get(code) ?? "";
  }
}

function base(kind: SpotKind, p: RegPlace, microGrid: string): Spot {
  return { kind, placeId: p.id, name: p.name, alias: p.aliases?.[0] ?? null, community: p.community, grid: p.grid, microGrid };
}
