// Every channel's format, by code.
import type { ChannelCode } from "../channels.js";
import { format110 } from "./110.js";
import { format12345 } from "./12345.js";
import { format81890 } from "./81890.js";
import type { ChannelFormat } from "./format.js";
import { formatGrid } from "./grid.js";
import { formatLdbz } from "./ldbz.js";
import { formatOdr } from "./odr.js";
import { formatPortal } from "./portal.js";
import { formatRmtj } from "./rmtj.js";
import { formatWindow } from "./window.js";
import { formatXf } from "./xf.js";
import { formatZlf } from "./zlf.js";

export type { ChannelFormat } from "./format.js";

export const FORMATS: Record<ChannelCode, ChannelFormat> = {
  "110": format110,
  "12345": format12345,
  "81890": format81890,
  zlf: formatZlf,
  odr: formatOdr,
  ldbz: formatLdbz,
  xf: formatXf,
  rmtj: formatRmtj,
  grid: formatGrid,
  portal: formatPortal,
  window: formatWindow,
};
