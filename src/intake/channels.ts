// The channels records come from: eight outside systems and the hub's own three entry points.
// Defined once; the UI imports the same list.

export const CHANNELS = ["110", "12345", "81890", "zlf", "odr", "ldbz", "xf", "rmtj", "grid", "portal", "window"] as const;
export type ChannelCode = (typeof CHANNELS)[number];

export const CHANNEL_NAMES: Record<ChannelCode, string> = {
  "110": "110接处警",
  "12345": "12345政务热线",
  "81890": "81890求助服务",
  zlf: "浙里访",
  odr: "ODR在线调解平台",
  ldbz: "劳动保障监察",
  xf: "信访综合",
  rmtj: "人民调解",
  grid: "网格员上报",
  portal: "群众在线提交",
  window: "一窗受理",
};

/** The hub's own entry points: forms whose records the hub itself identifies. */
export const OWN_CHANNELS = ["grid", "portal", "window"] as const satisfies readonly ChannelCode[];

export function isChannel(s: string): s is ChannelCode {
  return (CHANNELS as readonly string[]).includes(s);
}
