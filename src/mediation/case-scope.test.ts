// A mediator sees the cases whose active mediation team they are on — wherever those lie — and no others.
import { eq } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createAccount, createCase, createTestApp, login, type TestApp } from "../test/app.js";
import { mediationTeamMembers, mediationTeams, mediators } from "./schema.js";

describe("case scope for mediators", () => {
  let h: TestApp;
  beforeAll(async () => {
    h = await createTestApp();
  });
  afterAll(() => h.close());

  it("opens a case to the mediators of its active team only", async () => {
    const kase = await createCase(h.t, { region: "330282006001-G01", title: "上傅家邻里纠纷" });
    const account = await createAccount(h.t, "mediator", "330282006004", "MS-HXH");
    const other = await createAccount(h.t, "mediator", "330282006004", "MS-HXH");
    const s = await login(h.app, account.username);
    const so = await login(h.app, other.username);
    const see = async (headers: Record<string, string>) => (await h.app.inject({ method: "GET", url: `/api/cases/${kase.id}`, headers })).statusCode;
    expect(await see(s.headers)).toBe(404);

    const [m] = await h.t.db.insert(mediators).values({ name: "测试调解员", kind: "professional", accountId: account.id }).returning();
    const [team] = await h.t.db.insert(mediationTeams).values({ caseId: kase.id, formedBy: "staff", formedByLabel: "test" }).returning();
    await h.t.db.insert(mediationTeamMembers).values({ teamId: team.id, mediatorId: m.id, role: "lead" });
    expect(await see(s.headers)).toBe(200);
    expect(await see(so.headers)).toBe(404);
    const list = await h.app.inject({ method: "GET", url: "/api/cases", headers: s.headers });
    expect(list.json().items.map((c: { id: number }) => c.id)).toContain(kase.id);

    await h.t.db.update(mediationTeams).set({ status: "released" }).where(eq(mediationTeams.id, team.id));
    expect(await see(s.headers)).toBe(404);
  });
});
