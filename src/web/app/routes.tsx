// Every page's address. Areas not built yet render their placeholder; each page is guarded by its permission.
// Pages inside an area (a case, the duplicates queue, a person) are listed after the areas.
import type { ReactNode } from "react";
import { Route, Routes } from "react-router";
import { AccountsPage } from "./accounts/AccountsPage.js";
import { AuditPage } from "./audit/AuditPage.js";
import { CaseDetailPage } from "./cases/CaseDetailPage.js";
import { CaseListPage } from "./cases/CaseListPage.js";
import { DuplicatesPage } from "./cases/DuplicatesPage.js";
import { IntakePage } from "./intake/IntakePage.js";
import { PersonPage } from "./people/PersonPage.js";
import { RegionTreePage } from "./regions/RegionTreePage.js";
import { AppLayout } from "./shell/AppLayout.js";
import { SETTINGS_AREAS, WORK_AREAS } from "./shell/areas.js";
import { ComingSoon } from "./shell/ComingSoon.js";
import { Guard, NotFound } from "./shell/Guard.js";
import { HomePage } from "./shell/HomePage.js";
import { LoginPage } from "./shell/LoginPage.js";
import { TokensPage } from "./tokens/TokensPage.js";
import { UnitsPage } from "./units/UnitsPage.js";
import { TasksPage } from "./tasks/TasksPage.js";
import { ClaimBoardPage } from "./tasks/ClaimBoardPage.js";
import { SupervisionPage } from "./supervision/SupervisionPage.js";
import { AssessmentPage } from "./assessment/AssessmentPage.js";
import { WebhooksPage } from "./notifications/WebhooksPage.js";
import { MatrixPage } from "./routing/MatrixPage.js";
import { CalendarPage } from "./deadlines/CalendarPage.js";
import { DeadlineRulesPage } from "./deadlines/DeadlineRulesPage.js";
import { ExtensionsPage } from "./deadlines/ExtensionsPage.js";
import { DirectoryPage } from "./mediation/force/DirectoryPage.js";
import { MediatorProfilePage } from "./mediation/force/MediatorProfilePage.js";
import { MediatorsAdminPage } from "./mediation/force/MediatorsAdminPage.js";
import { AgreementPrintPage } from "./mediation/case/AgreementPrintPage.js";
import { MySchedulePage } from "./mediation/case/MySchedulePage.js";
import { MyRequestsPage } from "./mediation/teams/MyRequestsPage.js";
import { WarningsPage } from "./warnings/WarningsPage.js";
import { FollowUpsPage } from "./follow-ups/FollowUpsPage.js";
import { RiskListPage } from "./risk/RiskListPage.js";
import { KeyIndexPage } from "./key-index/KeyIndexPage.js";
import { TransfersPage } from "./transfers/TransfersPage.js";
import { DashboardPage } from "./dashboard/DashboardPage.js";
import { PortalPage } from "./portal/PortalPage.js";
import { QuestionQueuePage } from "./portal/QuestionQueuePage.js";

const PAGES: Record<string, () => ReactNode> = {
  "/portal": () => <PortalPage />,
  "/legal-questions": () => <QuestionQueuePage />,
  "/intake": () => <IntakePage />,
  "/cases": () => <CaseListPage />,
  "/tasks": () => <TasksPage />,
  "/claims": () => <ClaimBoardPage />,
  "/supervision": () => <SupervisionPage />,
  "/assessment": () => <AssessmentPage />,
  "/settings/webhooks": () => <WebhooksPage />,
  "/settings/routing": () => <MatrixPage />,
  "/settings/calendar": () => <CalendarPage />,
  "/settings/deadline-rules": () => <DeadlineRulesPage />,
  "/extensions": () => <ExtensionsPage />,
  "/mediators": () => <DirectoryPage />,
  "/mediation": () => <MySchedulePage />,
  "/mediation/requests": () => <MyRequestsPage />,
  "/settings/mediators": () => <MediatorsAdminPage />,
  "/warnings": () => <WarningsPage />,
  "/follow-ups": () => <FollowUpsPage />,
  "/risk": () => <RiskListPage />,
  "/key-index": () => <KeyIndexPage />,
  "/transfers": () => <TransfersPage />,
  "/dashboard": () => <DashboardPage />,
  "/settings/regions": () => <RegionTreePage />,
  "/settings/units": () => <UnitsPage />,
  "/settings/accounts": () => <AccountsPage />,
  "/settings/tokens": () => <TokensPage />,
  "/settings/audit": () => <AuditPage />,
};

export function AppRoutes() {
  const cases = WORK_AREAS.find((a) => a.path === "/cases")!;
  return (
    <Routes>
      <Route path="/login" element={<LoginPage />} />
      <Route element={<AppLayout />}>
        <Route index element={<HomePage />} />
        {[...WORK_AREAS, ...SETTINGS_AREAS].map((area) => (
          <Route
            key={area.path}
            path={area.path}
            element={<Guard permission={area.permission}>{PAGES[area.path]?.() ?? <ComingSoon area={area} />}</Guard>}
          />
        ))}
        <Route path="/cases/duplicates" element={<Guard permission={cases.permission}><DuplicatesPage /></Guard>} />
        <Route path="/cases/:id" element={<Guard permission={cases.permission}><CaseDetailPage /></Guard>} />
        <Route path="/agreements/:id/print" element={<Guard permission="cases.read"><AgreementPrintPage /></Guard>} />
        <Route path="/mediators/:id" element={<Guard permission="mediators.read"><MediatorProfilePage /></Guard>} />
        <Route path="/people/:id" element={<Guard permission="people.read"><PersonPage /></Guard>} />
        <Route path="*" element={<NotFound />} />
      </Route>
    </Routes>
  );
}
