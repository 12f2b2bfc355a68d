// The bell in the top bar: unread count, the latest notifications, mark read, open the case. Polls every 30 s.
import { BellOutlined } from "@ant-design/icons";
import { Badge, Button, Empty, List, Popover, Typography } from "antd";
import dayjs from "dayjs";
import { useState } from "react";
import { useNavigate } from "react-router";
import { useCan } from "../session.js";
import { useMarkRead, useNotifications, type NotificationItem } from "./notification-api.js";

export function NotificationBell() {
  const can = useCan()("notifications.read");
  const { data } = useNotifications(can);
  const markRead = useMarkRead();
  const navigate = useNavigate();
  const [open, setOpen] = useState(false);
  if (!can) return null;

  const openItem = (n: NotificationItem) => {
    if (!n.readAt) markRead.mutate(n.id);
    if (n.caseId) {
      setOpen(false);
      navigate(`/cases/${n.caseId}`);
    }
  };

  const content = (
    <div style={{ width: 360 }}>
      <div style={{ display: "flex", justifyContent: "space-between", alignItems: "center", marginBottom: 8 }}>
        <Typography.Text strong>站内通知</Typography.Text>
        <Button size="small" type="link" disabled={!data?.unreadCount} loading={markRead.isPending} onClick={() => markRead.mutate("all")}>
          全部已读
        </Button>
      </div>
      {data?.items.length ? (
        <List<NotificationItem>
          size="small"
          dataSource={data.items}
          style={{ maxHeight: 420, overflowY: "auto" }}
          renderItem={(n) => (
            <List.Item
              data-testid={`notification-${n.id}`}
              style={{ cursor: n.caseId || !n.readAt ? "pointer" : "default", background: n.readAt ? undefined : "#e6f4ff", paddingInline: 8 }}
              onClick={() => openItem(n)}
              extra={!n.readAt && (
                <Button size="small" type="link" onClick={(e) => { e.stopPropagation(); markRead.mutate(n.id); }}>
                  已读
                </Button>
              )}
            >
              <List.Item.Meta
                title={<Typography.Text strong={!n.readAt}>{n.title}</Typography.Text>}
                description={
                  <>
                    {n.body && <div>{n.body}</div>}
                    <Typography.Text type="secondary" style={{ fontSize: 12 }}>{dayjs(n.createdAt).format("YYYY-MM-DD HH:mm")}</Typography.Text>
                  </>
                }
              />
            </List.Item>
          )}
        />
      ) : (
        <Empty image={Empty.PRESENTED_IMAGE_SIMPLE} description="暂无通知" />
      )}
    </div>
  );

  return (
    <Popover content={content} trigger="click" open={open} onOpenChange={setOpen} placement="bottomRight">
      <Badge count={data?.unreadCount ?? 0} size="small" overflowCount={99}>
        <Button type="text" aria-label="站内通知" data-testid="notification-bell" icon={<BellOutlined style={{ color: "#fff", fontSize: 18 }} />} />
      </Badge>
    </Popover>
  );
}
