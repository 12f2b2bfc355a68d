// The hub's dispute categories: the 15 of the people's-mediation statistics, in their statistical order.
// Defined once; the classifier, the case list and the web app all import this list. No database imports.
export const CATEGORIES = ["HY", "LL", "FW", "TD", "ZD", "HT", "SC", "LD", "SH", "YL", "JT", "WY", "XF", "HJ", "QT"] as const;
export type CategoryCode = (typeof CATEGORIES)[number];

export const CATEGORY_NAMES: Record<CategoryCode, string> = {
  HY: "婚姻家庭",
  LL: "邻里",
  FW: "房屋宅基地",
  TD: "山林土地",
  ZD: "征地拆迁",
  HT: "合同债务",
  SC: "生产经营",
  LD: "劳动争议",
  SH: "损害赔偿",
  YL: "医疗",
  JT: "交通事故",
  WY: "物业",
  XF: "消费",
  HJ: "环境污染",
  QT: "其他",
};

export function isCategory(s: string): s is CategoryCode {
  return (CATEGORIES as readonly string[]).includes(s);
}
