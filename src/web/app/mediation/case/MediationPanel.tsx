// On a case's page: its mediation — the funnel, the sessions, the agreement and its confirmations, and referrals.
import { AgreementsCard } from "./AgreementsCard.js";
import { FunnelCard } from "./FunnelCard.js";
import { ReferralsCard } from "./ReferralsCard.js";
import { SessionsCard } from "./SessionsCard.js";
import { TeamPanel } from "../teams/TeamPanel.js";

export function MediationPanel({ caseId, category, closed }: { caseId: number; category: string | null; closed?: boolean }) {
  return (
    <>
      <FunnelCard caseId={caseId} />
      <TeamPanel caseId={caseId} category={category} closed={closed} />
      <SessionsCard caseId={caseId} />
      <AgreementsCard caseId={caseId} />
      <ReferralsCard caseId={caseId} category={category} />
    </>
  );
}
