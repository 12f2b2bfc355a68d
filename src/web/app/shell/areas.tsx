// The hub's areas, once: the side menu, the home page's links and the routes' permission checks read this list.
import {
  AlertOutlined, ApartmentOutlined, ApiOutlined, BellOutlined, BranchesOutlined, CalendarOutlined, CheckSquareOutlined, ClockCircleOutlined, FieldTimeOutlined, IdcardOutlined, UserSwitchOutlined, AuditOutlined, BankOutlined, DashboardOutlined, FileSearchOutlined, FlagOutlined, FormOutlined,
  FireOutlined, HomeOutlined, InboxOutlined, LineChartOutlined, SwapOutlined, KeyOutlined, PhoneOutlined, QuestionCircleOutlined, SolutionOutlined, TeamOutlined, TrophyOutlined, UserOutlined,
} from "@ant-design/icons";
import type { ReactNode } from "react";
import type { Action } from "../../../accounts/permissions.js";
import type { TextKey } from "../dictionary.js";

export interface Area {
  path: string;
  label: TextKey;
  icon: ReactNode;
  permission?: Action;
  /** Not built yet: the placeholder page describes what will be there. */
  soon?: TextKey;
}

export const WORK_AREAS: Area[] = [
  { path: "/portal", label: "menu.portal", icon: <FormOutlined />, permission: "portal.use" },
  { path: "/intake", label: "menu.intake", icon: <InboxOutlined />, permission: "intake.manage" },
  { path: "/cases", label: "menu.cases", icon: <FileSearchOutlined />, permission: "cases.read" },
  { path: "/tasks", label: "menu.tasks", icon: <CheckSquareOutlined />, permission: "tasks.read" },
  { path: "/claims", label: "menu.claims", icon: <FlagOutlined />, permission: "tasks.read" },
  { path: "/supervision", label: "menu.supervision", icon: <BellOutlined />, permission: "tasks.read" },
  { path: "/extensions", label: "menu.extensions", icon: <FieldTimeOutlined />, permission: "extensions.decide" },
  { path: "/mediators", label: "menu.mediators", icon: <IdcardOutlined />, permission: "mediators.read" },
  { path: "/mediation", label: "menu.mediation", icon: <SolutionOutlined />, permission: "mediation.manage" },
  { path: "/mediation/requests", label: "menu.mediatorRequests", icon: <UserSwitchOutlined />, permission: "mediation.respond" },
  { path: "/legal-questions", label: "menu.legalQuestions", icon: <QuestionCircleOutlined />, permission: "legal.answer" },
  { path: "/warnings", label: "menu.warnings", icon: <AlertOutlined />, permission: "warnings.read" },
  { path: "/risk", label: "menu.riskList", icon: <FireOutlined />, permission: "risk.read" },
  { path: "/follow-ups", label: "menu.followUps", icon: <PhoneOutlined />, permission: "followups.read" },
  { path: "/transfers", label: "menu.transfers", icon: <SwapOutlined />, permission: "transfers.read" },
  { path: "/key-index", label: "menu.keyIndex", icon: <LineChartOutlined />, permission: "keyindex.read" },
  { path: "/assessment", label: "menu.assessment", icon: <TrophyOutlined />, permission: "assessment.read" },
  { path: "/dashboard", label: "menu.dashboard", icon: <DashboardOutlined />, permission: "risk.read" },
];

export const SETTINGS_AREAS: Area[] = [
  { path: "/settings/regions", label: "menu.regions", icon: <ApartmentOutlined />, permission: "regions.read" },
  { path: "/settings/units", label: "menu.units", icon: <BankOutlined />, permission: "units.read" },
  { path: "/settings/accounts", label: "menu.accounts", icon: <UserOutlined />, permission: "accounts.read" },
  { path: "/settings/tokens", label: "menu.tokens", icon: <KeyOutlined />, permission: "tokens.manage" },
  { path: "/settings/audit", label: "menu.audit", icon: <AuditOutlined />, permission: "audit.read" },
  { path: "/settings/webhooks", label: "menu.webhooks", icon: <ApiOutlined />, permission: "webhooks.manage" },
  { path: "/settings/mediators", label: "menu.mediatorsAdmin", icon: <TeamOutlined />, permission: "mediators.manage" },
  { path: "/settings/routing", label: "menu.routing", icon: <BranchesOutlined />, permission: "units.read" },
  { path: "/settings/calendar", label: "menu.calendar", icon: <CalendarOutlined />, permission: "tasks.read" },
  { path: "/settings/deadline-rules", label: "menu.deadlineRules", icon: <ClockCircleOutlined />, permission: "deadlines.manage" },
];

export const HOME_AREA: Area = { path: "/", label: "menu.home", icon: <HomeOutlined /> };
export const SETTINGS_ICON = <TeamOutlined />;
