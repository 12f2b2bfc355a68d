// The frame after login: top bar, side menu, the page. Renders only once /api/auth/me has answered.
import { Layout, Spin } from "antd";
import { Outlet } from "react-router";
import { useMe } from "../session.js";
import { SideMenu } from "./SideMenu.js";
import { TopBar } from "./TopBar.js";

export function AppLayout() {
  const { data: me } = useMe();
  if (!me) return <Spin size="large" style={{ display: "block", marginTop: "30vh" }} />;
  return (
    <Layout style={{ minHeight: "100vh" }}>
      <Layout.Header style={{ paddingInline: 24 }}>
        <TopBar me={me} />
      </Layout.Header>
      <Layout>
        <Layout.Sider width={200} theme="light" breakpoint="lg" collapsible>
          <SideMenu />
        </Layout.Sider>
        <Layout.Content style={{ padding: 24 }}>
          <Outlet />
        </Layout.Content>
      </Layout>
    </Layout>
  );
}
