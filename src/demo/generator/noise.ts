// The mess real exports carry: phones dashed, spaced, international or full-width, landlines; names with a stray
// space, in Traditional characters or only a surname and a title; ID numbers masked, in the old 15-digit form
// or with a lowercase x; Traditional characters, typos and ASCII punctuation in the text. Each applied mess is
// named in the truth's `noise` list.
import type { Person } from "./people.js";
import { titleOf } from "./people.js";
import type { Rng } from "./prng.js";

export interface Noisy {
  text: string;
  noise: string[];
}

const FULL_WIDTH_DIGIT = (s: string) => s.replace(/[0-9]/g, (d) => String.fromCharCode(d.charCodeAt(0) + 0xfee0));

export function noisyPhone(rng: Rng, p: { phone: string; landline: string | null }): Noisy {
  if (p.landline && rng.chance(0.35)) return { text: p.landline, noise: ["phone_landline"] };
  const m = p.phone;
  const r = rng.next();
  if (r < 0.06) return { text: `${m.slice(0, 3)}-${m.slice(3, 7)}-${m.slice(7)}`, noise: ["phone_dashed"] };
  if (r < 0.1) return { text: `+86 ${m.slice(0, 3)} ${m.slice(3, 7)} ${m.slice(7)}`, noise: ["phone_intl"] };
  if (r < 0.125) return { text: FULL_WIDTH_DIGIT(m), noise: ["phone_fullwidth"] };
  if (r < 0.16) return { text: `${m.slice(0, 3)} ${m.slice(3, 7)} ${m.slice(7)}`, noise: ["phone_spaced"] };
  return { text: m, noise: [] };
}

// Simplified → Traditional for characters common in names and in these stories (GBK has them all).
const TRAD: Record<string, string> = {
  陈: "陳", 张: "張", 刘: "劉", 杨: "楊", 黄: "黃", 赵: "趙", 吴: "吳", 孙: "孫", 郑: "鄭", 华: "華", 国: "國", 军: "軍",
  伟: "偉", 丽: "麗", 红: "紅", 强: "強", 龙: "龍", 叶: "葉", 冯: "馮", 邓: "鄧", 萧: "蕭", 钱: "錢", 东: "東", 云: "雲",
  凤: "鳳", 兰: "蘭", 荣: "榮", 贵: "貴", 庆: "慶", 宝: "寶", 刚: "剛", 涛: "濤", 锋: "鋒", 财: "財", 静: "靜",
  这: "這", 说: "說", 们: "們", 对: "對", 门: "門", 楼: "樓", 问: "問", 题: "題", 时: "時", 个: "個", 来: "來", 经: "經",
  还: "還", 发: "發", 现: "現", 处: "處", 后: "後", 里: "裡", 给: "給", 钟: "鐘", 邻: "鄰", 车: "車", 电: "電", 话: "話",
  长: "長", 调: "調", 协: "協", 赔: "賠", 偿: "償", 厂: "廠", 几: "幾", 没: "沒", 过: "過", 
};
const TYPOS: [string, string][] = [["已经", "以经"], ["的时候", "得时候"], ["再也", "在也"], ["一直", "一只"], ["反映", "反应"], ["赔偿", "陪偿"], ["邻居", "邻局"], ["现在", "现再"], ["做好", "作好"]];

export function toTraditional(s: string, share: number, rng: Rng): string {
  let out = "";
  for (const ch of s) out += TRAD[ch] && rng.chance(share) ? TRAD[ch] : ch;
  return out;
}

export function noisyName(rng: Rng, p: Person, atYear: number): Noisy & { titleOnly: boolean } {
  const r = rng.next();
  if (r < 0.07) return { text: titleOf(rng, p, atYear), noise: ["name_title_only"], titleOnly: true };
  if (r < 0.1 && p.name.length >= 2) {
    const cut = p.name.length === 2 ? 1 : rng.int(1, 2);
    return { text: `${p.name.slice(0, cut)} ${p.name.slice(cut)}`, noise: ["name_space"], titleOnly: false };
  }
  if (r < 0.12) {
    const t = toTraditional(p.name, 1, rng);
    if (t !== p.name) return { text: t, noise: ["name_trad"], titleOnly: false };
  }
  return { text: p.name, noise: [], titleOnly: false };
}

/** An ID number as a channel shows it; `maskShare` is how often that channel masks. */
export function noisyId(rng: Rng, id: string, maskShare: number): Noisy {
  if (rng.chance(maskShare)) return { text: `${id.slice(0, 6)}********${id.slice(14)}`, noise: ["id_masked"] };
  const year = +id.slice(6, 10);
  if (year < 1980 && rng.chance(0.05)) return { text: id.slice(0, 6) + id.slice(8, 17), noise: ["id_15digit"] };
  if (id.endsWith("X") && rng.chance(0.5)) return { text: `${id.slice(0, 17)}x`, noise: ["id_lower_x"] };
  if (rng.chance(0.004)) {
    // A clerk's slip: one digit wrong, so the check digit no longer holds.
    const i = rng.int(6, 15);
    const d = String((+id[i] + rng.int(1, 8)) % 10);
    return { text: id.slice(0, i) + d + id.slice(i + 1), noise: ["id_typo"] };
  }
  return { text: id, noise: [] };
}

/** Occasional Traditional characters, a typo, ASCII punctuation. */
export function noisyText(rng: Rng, text: string): Noisy {
  const noise: string[] = [];
  let t = text;
  if (rng.chance(0.03)) {
    const converted = toTraditional(t, 0.5, rng);
    if (converted !== t) {
      t = converted;
      noise.push("trad");
    }
  }
  if (rng.chance(0.05)) {
    const hit = TYPOS.filter(([a]) => t.includes(a));
    if (hit.length) {
      const [a, b] = rng.pick(hit);
      t = t.replace(a, b);
      noise.push("typo");
    }
  }
  if (rng.chance(0.04)) {
    t = t.replace(/，/g, ",").replace(/：/g, ":").replace(/。/g, ".");
    noise.push("ascii_punct");
  }
  return { text: t, noise };
}
