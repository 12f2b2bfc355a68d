// What the generator carries from one dispute to the next: the registry, key counters, the organisations
// already met, the recent disputes (for look-alikes and people who come back) and the channels' id counters.
// Bounded, so that half a million disputes stream through in constant memory.
import { orgForPlace, propertyOrg, publicOrg, type Org, type OrgKind } from "./companies.js";
import type { Places, Spot } from "./places.js";
import { staffName } from "./people.js";
import type { Dispute } from "./plan.js";
import { Rng } from "./prng.js";

const RECENT = 400;

export class GenContext {
  private personSeq = 0;
  private orgSeq = 0;
  private readonly orgs = new Map<string, Org>();
  private readonly idCounters = new Map<string, number>();
  readonly recent: Dispute[] = [];
  /** The police station's officers and the street's mediators: a small fixed cast. */
  readonly officers: string[];
  readonly mediators: string[];

  constructor(
    readonly places: Places,
    readonly seed: number,
    readonly fromMs: number,
    readonly toMs: number,
  ) {
    const rng = new Rng(seed, 0x57aff);
    this.officers = Array.from({ length: 14 }, () => staffName(rng));
    this.mediators = Array.from({ length: 18 }, () => staffName(rng));
  }

  personKey(): string {
    return `PS${String(++this.personSeq).padStart(7, "0")}`;
  }

  orgKey(): string {
    return `OR${String(++this.orgSeq).padStart(6, "0")}`;
  }

  /** The organisation at a registry place, the same object every time. */
  orgAt(spot: Spot, kind: OrgKind): Org {
    const id = `${spot.placeId}|${kind}`;
    let org = this.orgs.get(id);
    if (!org) {
      org = orgForPlace(this.seed, spot, kind);
      this.orgs.set(id, org);
    }
    return org;
  }

  propertyCompany(spot: Spot): Org | null {
    if (!spot.propertyCompany) return null;
    let org = this.orgs.get(spot.propertyCompany);
    if (!org) {
      org = propertyOrg(this.seed, spot.propertyCompany, spot);
      this.orgs.set(spot.propertyCompany, org);
    }
    return org;
  }

  /** The village committee (or the community's residents' committee), or the demolition office. */
  publicBody(spot: Spot, kind: "committee" | "demolition"): Org {
    const body = this.places.body(spot, kind);
    const community = this.places.communityShortName(spot.community);
    const isVillage = community.endsWith("村");
    const name = kind === "demolition" ? body.name : isVillage ? body.name : `慈溪市古塘街道${community}居民委员会`;
    const alias = kind === "demolition" ? (body.alias ?? "征迁指挥部") : isVillage ? `${community}委会` : `${community}居委会`;
    let org = this.orgs.get(name);
    if (!org) {
      org = publicOrg(this.seed, name, alias, kind, body);
      this.orgs.set(name, org);
    }
    return org;
  }

  /** Next number of a channel's id sequence (per day, month or year, as the key says). */
  nextId(key: string): number {
    const n = (this.idCounters.get(key) ?? 0) + 1;
    this.idCounters.set(key, n);
    return n;
  }

  remember(d: Dispute): void {
    this.recent.push(d);
    if (this.recent.length > RECENT) this.recent.shift();
  }
}
