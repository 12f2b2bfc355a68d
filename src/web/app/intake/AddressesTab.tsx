// 待定位地址: address texts no rule could place. Staff choose the community, grid or micro-grid; every record with
// that text is placed, and the text is remembered so the next one places itself.
import { AimOutlined } from "@ant-design/icons";
import { Alert, Button, Table } from "antd";
import { useState } from "react";
import type { RegionLevel } from "../../../regions/levels.js";
import { RegionPicker } from "../regions/RegionPicker.js";
import { usePlaceAddress, useUnresolvedAddresses, type Placed, type UnresolvedAddress } from "./intake-api.js";
import { beijingTime } from "./labels.js";

const PLACEABLE_LEVELS: readonly RegionLevel[] = ["community", "grid", "micro_grid"];

export function AddressesTab() {
  const { data, isFetching } = useUnresolvedAddresses();
  const [chosen, setChosen] = useState<Record<string, string>>({});
  const [last, setLast] = useState<Placed | null>(null);
  const place = usePlaceAddress();

  const submit = async (addressText: string) => {
    const result = await place.mutateAsync({ addressText, regionCode: chosen[addressText] });
    setLast(result);
    setChosen(({ [addressText]: _, ...rest }) => rest);
  };

  return (
    <>
      {last && (
        <Alert
          type="success"
          showIcon
          closable={{ onClose: () => setLast(null) }}
          style={{ marginBottom: 12 }}
          title={`已定位 ${last.placed} 条记录，并记住该地址写法`}
          description={`“${last.alias}” → ${last.regionName}（${last.regionCode}）`}
          data-testid="place-result"
        />
      )}
      <Table<UnresolvedAddress>
        rowKey="addressText"
        size="small"
        loading={isFetching}
        dataSource={data}
        pagination={{ pageSize: 20, hideOnSinglePage: true }}
        locale={{ emptyText: "没有待定位的地址" }}
        columns={[
          { title: "地址", dataIndex: "addressText", render: (v: string) => <span style={{ wordBreak: "break-all" }}>{v}</span> },
          { title: "记录数", dataIndex: "records", width: 80, align: "right" },
          { title: "最近报送", dataIndex: "lastReportedAt", width: 140, render: (v: string) => beijingTime(v) },
          {
            title: "定位到",
            width: 300,
            render: (_, a) => (
              <RegionPicker
                levels={PLACEABLE_LEVELS}
                placeholder="选择村（社区）、网格或微网格"
                value={chosen[a.addressText]}
                onChange={(code) => setChosen((c) => ({ ...c, [a.addressText]: code }))}
              />
            ),
          },
          {
            title: "操作",
            width: 90,
            render: (_, a) => (
              <Button
                type="primary"
                size="small"
                icon={<AimOutlined />}
                disabled={!chosen[a.addressText]}
                loading={place.isPending && place.variables?.addressText === a.addressText}
                onClick={() => submit(a.addressText).catch(() => undefined)}
              >
                定位
              </Button>
            ),
          },
        ]}
      />
    </>
  );
}
