// Routing's names for the screen, from their single definitions on the server side.
import { CATEGORIES, CATEGORY_NAMES } from "../../../cases/categories.js";
import { CHANNELS, CHANNEL_NAMES } from "../../../intake/channels.js";
import { RISK_LEVELS, RISK_LEVEL_NAMES } from "../../../routing/names.js";
import { HANDLING_LEVELS, HANDLING_LEVEL_NAMES } from "../../../tasks/states.js";
import { UNIT_KINDS, UNIT_KIND_NAMES } from "../../../units/kinds.js";

export const CATEGORY_OPTIONS = CATEGORIES.map((value) => ({ value, label: CATEGORY_NAMES[value] }));
export const UNIT_KIND_OPTIONS = UNIT_KINDS.map((value) => ({ value, label: UNIT_KIND_NAMES[value] }));
export const LEVEL_OPTIONS = HANDLING_LEVELS.map((value) => ({ value, label: HANDLING_LEVEL_NAMES[value] }));
export const CHANNEL_OPTIONS = CHANNELS.map((value) => ({ value, label: CHANNEL_NAMES[value] }));
export const RISK_OPTIONS = RISK_LEVELS.map((value) => ({ value, label: RISK_LEVEL_NAMES[value] }));
export const RISK_COLORS: Record<(typeof RISK_LEVELS)[number], string> = { red: "red", yellow: "gold", green: "green" };

export const VIA_COLORS: Record<string, string> = { auto: "blue", reroute: "purple", escalation: "volcano", push_down: "cyan", return: "orange" };
