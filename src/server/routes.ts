// Every domain's routes, in one list. A new area adds its register function here.
import { registerAccountRoutes } from "../accounts/routes/account-routes.js";
import { registerSessionRoutes } from "../accounts/routes/session-routes.js";
import { registerTokenRoutes } from "../accounts/routes/token-routes.js";
import { registerAuditRoutes } from "../audit/routes.js";
import { registerCaseRoutes } from "../cases/routes.js";
import { registerCaseChangeRoutes } from "../cases/routes/change-routes.js";
import { registerDuplicateRoutes } from "../cases/routes/duplicate-routes.js";
import { registerPeopleRoutes } from "../people/routes.js";
import { registerPersonHistoryRoutes } from "../people/history-routes.js";
import { registerRegionRoutes } from "../regions/routes.js";
import { registerUnitRoutes } from "../units/routes.js";
import { registerAddressRoutes } from "../intake/routes/address-routes.js";
import { registerFormRoutes } from "../intake/routes/form-routes.js";
import { registerPushRoutes } from "../intake/routes/push-routes.js";
import { registerQuarantineRoutes } from "../intake/routes/quarantine-routes.js";
import { registerRecordRoutes } from "../intake/routes/record-routes.js";
import { registerUploadRoutes } from "../intake/routes/upload-routes.js";
import type { App } from "./app.js";
import type { Services } from "./context.js";
import { registerHealthRoutes } from "./health.js";
import { registerTaskRoutes } from "../tasks/routes.js";
import { registerNotificationRoutes } from "../notifications/notification-routes.js";
import { registerWebhookRoutes } from "../notifications/webhook-routes.js";

export async function registerRoutes(app: App, services: Services, opts: { loginRateLimit: { max: number; timeWindow: number }; secureCookies: boolean }) {
  registerHealthRoutes(app, services);
  registerSessionRoutes(app, services, opts);
  registerAccountRoutes(app, services);
  registerTokenRoutes(app, services);
  registerRegionRoutes(app, services);
  registerUnitRoutes(app, services);
  registerPeopleRoutes(app, services);
  registerPersonHistoryRoutes(app, services);
  registerCaseRoutes(app, services);
  registerDuplicateRoutes(app, services);
  registerCaseChangeRoutes(app, services);
  registerAuditRoutes(app, services);
  registerUploadRoutes(app, services);
  registerQuarantineRoutes(app, services);
  registerAddressRoutes(app, services);
  registerRecordRoutes(app, services);
  registerFormRoutes(app, services);
  registerPushRoutes(app, services);
  registerTaskRoutes(app, services);
  registerNotificationRoutes(app, services);
  registerWebhookRoutes(app, services);
}
