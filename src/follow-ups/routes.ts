// FollowUp routes over HTTP (being built).
import type { App } from "../server/app.js";
import type { Services } from "../server/context.js";

export function registerFollowUpRoutes(_app: App, _services: Services) {}
