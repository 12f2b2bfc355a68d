// The eight outside systems' records, field by field, as each exports them.
import { channelWord, hotlineType, hotlineUnit, type SourceChannel } from "./categories.js";
import { renderAddress } from "./addresses.js";
import type { GenContext } from "./context.js";
import {
  FRAMES, HOTLINE_TITLES, MEDIATION_OUTCOMES, MEDIATORS_STUDIOS, NOT_A_RELATION, ODR_STATUSES, PETITION_AIMS, POLICE_RESULTS, REGISTER_FRAMES,
  REGISTER_RESULTS, RESOLUTIONS, VISIT_FRAMES, VISIT_MODES,
} from "./frames.js";
import { fill, storyParts } from "./narrative.js";
import { noisyId, noisyText } from "./noise.js";
import type { Dispute, PlannedReport } from "./plan.js";
import type { Rng } from "./prng.js";
import { addressOf, externalId, nameOf, narrate, narrateSplit, phoneOf, sceneFor, time, truthFor, type Rendered, type ReportScene } from "./render.js";

type Builder = (s: ReportScene, id: string) => { fields: Record<string, unknown>; people?: string[]; orgNamed?: boolean };

function idOf(s: ReportScene, field: string, mask: number, missing: number, id = s.speaker.idNumber): string | null {
  if (s.rng.chance(missing)) {
    s.noise.push(`missing:${field}`);
    return null;
  }
  const n = noisyId(s.rng, id, mask);
  s.noise.push(...n.noise);
  return n.text;
}

const hardIn = (s: ReportScene) => s.rep.signals.some((x) => x === "injury" || x === "weapon" || x === "threat");

const police: Builder = (s, id) => {
  const name = nameOf(s);
  const fights = s.rep.signals.some((x) => x === "injury" || x === "weapon");
  const officers = s.rng.sample(s.ctx.officers, 2).join("、");
  return {
    fields: {
      接警编号: id,
      报警时间: time(s),
      报警人: name,
      联系电话: phoneOf(s, "联系电话", 0.04) ?? "",
      身份证号: s.rng.chance(0.15) ? (idOf(s, "身份证号", 0.1, 0) ?? "") : (s.noise.push("missing:身份证号"), ""),
      事发地址: addressOf(s, "事发地址", 0.08) ?? "",
      警情类别: fights && s.rng.chance(0.5) ? "治安-打架斗殴" : channelWord(s.rng, "110", s.d.story.category),
      报警内容: narrate(s, FRAMES["110"], "110", name),
      处警单位: s.rng.chance(0.7) ? "古塘派出所" : "慈溪市公安局古塘派出所",
      处警民警: officers,
      处警结果: s.rng.pick(POLICE_RESULTS),
      是否非警务: hardIn(s) || s.d.story.category === "JT" ? "否" : "是",
    },
  };
};

const hotline: Builder = (s, id) => {
  let name: string;
  if (s.rng.chance(0.03)) {
    name = s.rng.pick(["匿名", "市民", "不愿透露"]);
    s.noise.push("anonymous");
  } else name = nameOf(s);
  const sqlx = hotlineType(s.rng, s.d.story.category);
  const title = s.rng.pick(HOTLINE_TITLES[sqlx]).replace("{topic}", s.rng.pick(s.d.story.topic));
  return {
    fields: {
      gdbh: id,
      slsj: time(s),
      ldr: name,
      lxdh: phoneOf(s, "lxdh", 0.03),
      sqlx,
      sqbt: title,
      sqnr: narrate(s, FRAMES["12345"], "12345", name),
      sfdz: addressOf(s, "sfdz", 0.08, 0.05),
      cbdw: hotlineUnit(s.rng, s.d.story.category, s.ctx.places.communityShortName(s.d.place.community)),
      blsx: s.rng.pick([3, 5, 5, 7, 7, 10, 15]),
    },
  };
};

const service: Builder = (s, id) => {
  const name = nameOf(s);
  return {
    fields: {
      服务单号: id,
      求助时间: time(s),
      求助人: name,
      电话: phoneOf(s, "电话", 0.05) ?? "",
      地址: addressOf(s, "地址", 0.35) ?? "",
      求助内容: narrate(s, FRAMES["81890"], "81890", name),
      服务类别: channelWord(s.rng, "81890", s.d.story.category),
    },
  };
};

function petitionPlace(s: ReportScene): string {
  const r = s.rng.next();
  if (r < 0.35) return "宁波市慈溪市古塘街道";
  if (r < 0.6) return `浙江省宁波市慈溪市古塘街道${s.ctx.places.communityShortName(s.d.place.community)}`;
  return renderAddress(s.rng, s.d.place, s.ctx.places).text;
}

function headCount(s: ReportScene): number {
  if (s.rep.signals.includes("group") && s.d.peopleCount) return s.d.peopleCount;
  return s.rng.chance(0.85) ? 1 : s.rng.int(2, 4);
}

const online: Builder = (s, id) => {
  const name = nameOf(s);
  return {
    fields: {
      xfjbh: id,
      djsj: time(s),
      xfrxm: name,
      zjhm: idOf(s, "zjhm", 0.25, 0.05),
      lxdh: phoneOf(s, "lxdh", 0.03),
      wtsd: petitionPlace(s),
      nrfl: channelWord(s.rng, "zlf", s.d.story.category),
      xfmd: s.rng.pick(PETITION_AIMS),
      zyqq: narrate(s, FRAMES.zlf, "zlf", name),
      xfrs: headCount(s),
    },
  };
};

const odr: Builder = (s, id) => {
  const name = nameOf(s);
  const { other } = s;
  const applicant = {
    name,
    idCard: s.rng.chance(0.15) ? null : idOf(s, "idCard", 0.45, 0),
    phone: phoneOf(s, "phone", 0.02),
    address: renderAddress(s.rng, s.speaker.home, s.ctx.places, 0.92).text,
  };
  const respondent =
    other.kind === "person"
      ? { name: s.rng.chance(0.85) ? other.person.name : other.person.surname + s.rng.pick(["先生", "女士"]), idCard: s.rng.chance(0.55) ? null : idOf(s, "respondent.idCard", 0.4, 0, other.person.idNumber), phone: s.rng.chance(0.4) ? null : other.person.phone }
      : { companyName: other.org.name, creditCode: s.rng.chance(0.1) ? null : other.org.creditCode, phone: other.org.phone };
  const description = narrate(s, FRAMES.odr, "odr", name);
  return {
    fields: {
      caseNo: id, createdAt: s.rep.at, applicant, respondent, disputeType: channelWord(s.rng, "odr", s.d.story.category),
      description, amount: s.d.amount, status: s.rng.pick(ODR_STATUSES),
    },
    people: other.kind === "person" ? [other.person.key] : [],
    orgNamed: other.kind === "org",
  };
};

const WAGE_STORIES = new Set(["LD01", "LD05", "LD06", "LD09"]);

const labour: Builder = (s, id) => {
  const name = nameOf(s);
  const org = s.other.kind === "org" ? s.other.org : null;
  const orgAddress = org?.spot ? renderAddress(s.rng, org.spot, s.ctx.places).text : (org?.addressOutside ?? "");
  const code = org && !s.rng.chance(0.06) ? org.creditCode : (s.noise.push("missing:统一社会信用代码"), "");
  return {
    fields: {
      投诉编号: id,
      投诉日期: time(s),
      投诉人: name,
      身份证: idOf(s, "身份证", 0.1, 0.03) ?? "",
      电话: phoneOf(s, "电话", 0.03) ?? "",
      被投诉单位: org ? (s.rng.chance(0.85) ? org.name : org.alias) : "",
      统一社会信用代码: code,
      单位地址: orgAddress,
      涉及人数: s.d.peopleCount ?? 1,
      "欠薪金额(元)": WAGE_STORIES.has(s.d.story.id) && s.d.amount !== null ? s.d.amount : "",
      投诉事项: narrate(s, FRAMES.ldbz, "ldbz", name),
    },
    orgNamed: org !== null,
  };
};

const letters: Builder = (s, id) => {
  const name = nameOf(s);
  const mode = s.rng.pick(VISIT_MODES);
  const { reason, ask } = narrateSplit(s, name, VISIT_FRAMES[mode]);
  return {
    fields: {
      编号: id,
      日期: time(s),
      方式: mode,
      信访人: name,
      人数: headCount(s),
      住址: renderAddress(s.rng, s.speaker.home, s.ctx.places, 0.7).text,
      事由: reason,
      诉求: ask,
    },
  };
};

const register: Builder = (s, id) => {
  const { rng, other } = s;
  const frameIndex = rng.pickIndex(REGISTER_FRAMES.length);
  const parts = storyParts(rng, s.d, s.rep, "register", s.year);
  const outcome = rng.pick(MEDIATION_OUTCOMES);
  const result = rng.pick(REGISTER_RESULTS[outcome]).replace("{resolution}", rng.pick(RESOLUTIONS));
  const otherName = other.kind === "person" ? other.person.name : other.org.name;
  const { rel, topic } = s.d.story;
  const relation = NOT_A_RELATION.has(rel) ? `因${rng.pick(topic)}发生纠纷` : `系${rel}关系`;
  const text = fill(
    REGISTER_FRAMES[frameIndex].replace("{core}", parts.core).replace("{ask}", parts.ask).replace("{extra}", parts.extra).replace("{result}", result)
      .replace("{nameA}", s.speaker.name).replace("{nameB}", otherName).replace("{relation}", relation),
    parts.tokens,
  );
  s.phrasing.push(...parts.phrasing, `rmtj#${frameIndex}`);
  const noisy = noisyText(rng, text);
  s.noise.push(...noisy.noise);
  const applicant = { xm: nameOf(s), sfzh: idOf(s, "sfzh", 0.1, 0.1) ?? "", dh: phoneOf(s, "dh", 0.05) ?? "", js: "申请人" };
  const respondent =
    other.kind === "person"
      ? { xm: other.person.name, sfzh: idOf(s, "sfzh", 0.1, 0.15, other.person.idNumber) ?? "", dh: rng.chance(0.3) ? "" : other.person.phone, js: "被申请人" }
      : { xm: other.org.name, sfzh: other.org.creditCode, dh: other.org.phone ?? "", js: "被申请人" };
  const village = s.ctx.places.communityShortName(s.d.place.community);
  return {
    fields: {
      ajbh: id, slrq: time(s), dsr: [applicant, respondent], jflx: channelWord(rng, "rmtj", s.d.story.category), jyqk: noisy.text,
      tjy: `${rng.pick(s.ctx.mediators)}（${rng.pick(MEDIATORS_STUDIOS).replace("{village}", village)}）`, tjjg: outcome,
      xysbh: outcome === "调解成功" ? `慈古调〔${s.year}〕${String(s.ctx.nextId(`xysbh|${s.year}`)).padStart(4, "0")}号` : "",
    },
    people: other.kind === "person" ? [other.person.key] : [],
    orgNamed: other.kind === "org",
  };
};

const BUILDERS: Record<SourceChannel, Builder> = {
  "110": police, "12345": hotline, "81890": service, zlf: online, odr, ldbz: labour, xf: letters, rmtj: register,
};

export function renderReport(ctx: GenContext, rng: Rng, d: Dispute, rep: PlannedReport, index: number): Rendered {
  const s = sceneFor(ctx, rng, d, rep, index);
  const id = externalId(ctx, rep.channel, rep.at);
  const built = BUILDERS[rep.channel](s, id);
  return { channel: rep.channel, externalId: id, fields: built.fields, truth: truthFor(s, id, built.people ?? [], built.orgNamed ?? false) };
}
