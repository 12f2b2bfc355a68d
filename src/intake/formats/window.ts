// Walk-in reception (一窗受理): the common own-form shape plus the receptionist who took it down.
import { ownFormFormat } from "./own-form.js";

export const formatWindow = ownFormFormat("window", "receptionist");
