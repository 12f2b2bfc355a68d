// Every story template, by category.
import { CATEGORIES, type Category } from "./categories.js";
import { FAMILY, HOUSING, NEIGHBOUR } from "./stories-home.js";
import { CONTRACT, DEMOLITION, LAND } from "./stories-land.js";
import { BUSINESS, HARM, LABOUR } from "./stories-work.js";
import { MEDICAL, PROPERTY, TRAFFIC } from "./stories-services.js";
import { CONSUMER, OTHER, POLLUTION } from "./stories-public.js";
import type { Story } from "./story.js";

export const STORIES: Story[] = [
  ...FAMILY, ...NEIGHBOUR, ...HOUSING, ...LAND, ...DEMOLITION, ...CONTRACT, ...BUSINESS, ...LABOUR, ...HARM,
  ...MEDICAL, ...TRAFFIC, ...PROPERTY, ...CONSUMER, ...POLLUTION, ...OTHER,
];

export const STORIES_BY_CATEGORY = Object.fromEntries(CATEGORIES.map((c) => [c, STORIES.filter((s) => s.category === c)])) as Record<Category, Story[]>;
