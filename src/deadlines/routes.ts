// Every deadline route: the calendar, the time-limit rules, extensions.
import type { App } from "../server/app.js";
import type { Services } from "../server/context.js";
import { registerCalendarRoutes } from "./routes/calendar-routes.js";
import { registerExtensionRoutes } from "./routes/extension-routes.js";
import { registerDeadlineRuleRoutes } from "./routes/rule-routes.js";

export function registerDeadlineRoutes(app: App, services: Services) {
  registerCalendarRoutes(app, services);
  registerDeadlineRuleRoutes(app, services);
  registerExtensionRoutes(app, services);
}
