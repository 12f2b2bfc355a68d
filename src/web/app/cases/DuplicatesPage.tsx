// /cases/duplicates: records that might report a dispute another case already holds, highest score first.
import { Segmented } from "antd";
import { useState } from "react";
import { useDuplicates, type DuplicateStatus } from "./case-api.js";
import { CasesCard } from "./CasesCard.js";
import { DUPLICATE_STATUS_OPTIONS, DuplicateTable } from "./DuplicateTable.js";

export function DuplicatesPage() {
  const [status, setStatus] = useState<DuplicateStatus>("open");
  const { data, isFetching } = useDuplicates(status);
  return (
    <CasesCard extra={<Segmented<DuplicateStatus> options={DUPLICATE_STATUS_OPTIONS} value={status} onChange={setStatus} />}>
      <DuplicateTable items={data} loading={isFetching} />
    </CasesCard>
  );
}
