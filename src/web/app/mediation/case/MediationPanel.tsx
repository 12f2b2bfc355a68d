// On a case's page: its mediation — the funnel, the sessions, the agreement and its confirmations, and referrals.
import { AgreementsCard } from "./AgreementsCard.js";
import { FunnelCard } from "./FunnelCard.js";
import { ReferralsCard } from "./ReferralsCard.js";
import { SessionsCard } from "./SessionsCard.js";

export function MediationPanel({ caseId, category }: { caseId: number; category: string | null }) {
  return (
    <>
      <FunnelCard caseId={caseId} />
      <SessionsCard caseId={caseId} />
      <AgreementsCard caseId={caseId} />
      <ReferralsCard caseId={caseId} category={category} />
    </>
  );
}
