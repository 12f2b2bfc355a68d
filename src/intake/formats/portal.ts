// Citizens' submissions through the hub's portal: the common own-form shape, the citizen being the reporter.
import { ownFormFormat } from "./own-form.js";

export const formatPortal = ownFormFormat("portal");
