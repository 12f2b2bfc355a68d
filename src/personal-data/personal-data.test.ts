import crypto from "node:crypto";
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { Writable } from "node:stream";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createAccount, createCase, createPerson, createTestApp, login, regionId, TEST_PASSWORD, type Session, type TestApp } from "../test/app.js";
import { createCipher, loadDataKey } from "./cipher.js";
import { idCheckDigit } from "./id-number.js";
import { maskIdNumber, maskPhone } from "./mask.js";

const ID = "33028219870315431" + idCheckDigit("33028219870315431");
const PHONE = "13957461829";

describe("cipher", () => {
  const cipher = createCipher(crypto.randomBytes(32));

  it("decrypts what it encrypted, Chinese text included", () => {
    for (const plain of [ID, PHONE, "宁波市慈溪市古塘街道", ""]) expect(cipher.decrypt(cipher.encrypt(plain))).toBe(plain);
  });

  it("gives a different ciphertext each time (random IV), neither containing the plaintext", () => {
    const a = cipher.encrypt(ID);
    const b = cipher.encrypt(ID);
    expect(a).not.toBe(b);
    for (const c of [a, b]) expect(Buffer.from(c.split(":")[1], "base64").toString("latin1")).not.toContain(ID);
  });

  it("refuses a tampered ciphertext", () => {
    const raw = Buffer.from(cipher.encrypt(ID).split(":")[1], "base64");
    raw[raw.length - 1] ^= 1;
    expect(() => cipher.decrypt(`v1:${raw.toString("base64")}`)).toThrow();
  });

  it("refuses a ciphertext whose authentication tag was cut short", () => {
    // 12-byte IV + the first 4 bytes of a genuine tag for "": GCM accepts short tags unless told the length.
    const raw = Buffer.from(cipher.encrypt("").split(":")[1], "base64");
    expect(() => cipher.decrypt(`v1:${raw.subarray(0, 16).toString("base64")}`)).toThrow();
  });

  it("refuses a ciphertext made under another key, or of an unknown format", () => {
    const other = createCipher(crypto.randomBytes(32));
    expect(() => cipher.decrypt(other.encrypt(ID))).toThrow();
    expect(() => cipher.decrypt(ID)).toThrow("unknown ciphertext format");
  });

  it("hashes equal inputs equally, and differently under another key", () => {
    expect(cipher.hash(ID)).toBe(cipher.hash(ID));
    expect(cipher.hash(ID)).not.toBe(cipher.hash(ID.slice(0, 17) + "0"));
    expect(createCipher(crypto.randomBytes(32)).hash(ID)).not.toBe(cipher.hash(ID));
    expect(cipher.hash(ID)).not.toContain(ID);
  });
});

describe("loadDataKey", () => {
  let dir: string;
  beforeAll(() => {
    dir = fs.mkdtempSync(path.join(os.tmpdir(), "tongban-key-"));
  });
  afterAll(() => fs.rmSync(dir, { recursive: true, force: true }));

  it("creates a 32-byte key file readable by the owner only, and reuses it", () => {
    const dataDir = path.join(dir, "fresh");
    const key = loadDataKey(undefined, dataDir);
    expect(key).toHaveLength(32);
    const file = path.join(dataDir, "data.key");
    expect(fs.statSync(file).mode & 0o777).toBe(0o600);
    expect(loadDataKey(undefined, dataDir).equals(key)).toBe(true);
  });

  it("tightens an existing key file to 0600", () => {
    const dataDir = path.join(dir, "loose");
    fs.mkdirSync(dataDir);
    const key = crypto.randomBytes(32);
    fs.writeFileSync(path.join(dataDir, "data.key"), key.toString("base64"), { mode: 0o644 });
    expect(loadDataKey(undefined, dataDir).equals(key)).toBe(true);
    expect(fs.statSync(path.join(dataDir, "data.key")).mode & 0o777).toBe(0o600);
  });

  it("prefers TONGBAN_DATA_KEY (hex or base64) and writes no file", () => {
    const key = crypto.randomBytes(32);
    const dataDir = path.join(dir, "configured");
    expect(loadDataKey(key.toString("hex"), dataDir).equals(key)).toBe(true);
    expect(loadDataKey(key.toString("base64"), dataDir).equals(key)).toBe(true);
    expect(fs.existsSync(path.join(dataDir, "data.key"))).toBe(false);
  });

  it.each(["not-a-key", crypto.randomBytes(16).toString("base64"), crypto.randomBytes(33).toString("hex")])(
    "rejects a malformed TONGBAN_DATA_KEY (%s)",
    (bad) => {
      expect(() => loadDataKey(bad, path.join(dir, "bad"))).toThrow("TONGBAN_DATA_KEY must be 32 bytes");
    },
  );
});

describe("masks", () => {
  it("shows an ID number's first 6 and last 4 only", () => {
    expect(maskIdNumber(ID)).toBe(`330282********${ID.slice(-4)}`);
    expect(maskIdNumber("33028219870315431X")).toBe("330282********431X");
  });

  it("shows a mobile as 3 + 4 hidden + 4, with or without +86", () => {
    expect(maskPhone("13812345678")).toBe("138****5678");
    expect(maskPhone("+86 138-1234-5678")).toBe("138****5678");
  });

  it("keeps a landline's area code, 4- or 3-digit, and its last 4", () => {
    expect(maskPhone("0574-63012345")).toBe("0574****2345");
    expect(maskPhone("021-63012345")).toBe("021****2345");
    expect(maskPhone("010-6301234")).toBe("010***1234");
  });

  it("never shows a local number nearly whole", () => {
    expect(maskPhone("6301234")).toBe("***1234");
    expect(maskPhone("63012345")).toBe("****2345");
    expect(maskPhone("12345")).toBe("*****");
  });
});

describe("personal data in the database, the API and the logs", () => {
  let h: TestApp;
  const lines: string[] = [];
  let police: Session;
  let policeId: number;
  let personId: number;
  let caseId: number;
  beforeAll(async () => {
    const stream = new Writable({
      write(chunk, _enc, done) {
        lines.push(String(chunk));
        done();
      },
    });
    h = await createTestApp({ logger: { level: "trace", stream } });
    const p = await createAccount(h.t, "police", "330282006", "GT-PCS");
    policeId = p.id;
    police = await login(h.app, p.username);
    const person = await createPerson(h.t, { name: "王小明", idNumber: ID, phone: PHONE, regionNodeId: await regionId(h.t, "330282006001") });
    personId = person.id;
    caseId = (await createCase(h.t, { region: "330282006001", unit: "CC-330282006001", people: [personId] })).id;
  });
  afterAll(() => h.close());

  const reveal = (s: Session, id = personId) =>
    h.app.inject({ method: "POST", url: `/api/people/${id}/reveal`, headers: s.headers, payload: { reason: "调解需联系当事人" } });

  it("stores no plaintext ID or phone number in the people row, nor their hidden digits", async () => {
    const { rows } = await h.t.db.$client.query<{ row: string }>("SELECT p::text AS row FROM people p WHERE id = $1", [personId]);
    expect(rows[0].row).toContain("王小明");
    for (const secret of [ID, PHONE, ID.slice(6, 14), PHONE.slice(3, 7)]) expect(rows[0].row).not.toContain(secret);
  });

  it("answers GET /api/people/:id and GET /api/cases/:id with masked values only", async () => {
    const person = await h.app.inject({ method: "GET", url: `/api/people/${personId}`, headers: police.headers });
    expect(person.json()).toMatchObject({ idNumber: maskIdNumber(ID), phone: "139****1829" });
    const kase = await h.app.inject({ method: "GET", url: `/api/cases/${caseId}`, headers: police.headers });
    expect(kase.json().parties).toMatchObject([{ id: personId, idNumber: maskIdNumber(ID), phone: "139****1829" }]);
    for (const res of [person, kase]) {
      expect(res.statusCode).toBe(200);
      expect(res.body).not.toContain(ID);
      expect(res.body).not.toContain(PHONE);
    }
  });

  it("reveals the real values to police and audits who, why and under which correlation id", async () => {
    const res = await reveal(police);
    expect(res.statusCode).toBe(200);
    expect(res.json()).toEqual({ id: personId, idNumber: ID, phone: PHONE });
    const correlationId = res.headers["x-correlation-id"];
    expect(correlationId).toBeTruthy();
    const { rows } = await h.t.db.$client.query("SELECT * FROM audit_events WHERE action = 'person.reveal' AND correlation_id = $1", [correlationId]);
    expect(rows).toHaveLength(1);
    expect(rows[0]).toMatchObject({ actor_kind: "account", actor_id: policeId, subject_type: "person", subject_id: String(personId) });
    expect(rows[0].new_values).toMatchObject({ reason: "调解需联系当事人", fields: ["idNumber", "phone"] });
    const all = await h.t.db.$client.query<{ row: string }>("SELECT a::text AS row FROM audit_events a");
    expect(all.rows.filter(({ row }) => row.includes(PHONE) || row.includes(ID))).toEqual([]);
  });

  it("refuses a role without people.reveal with 403, and audits no reveal", async () => {
    const handler = await login(h.app, (await createAccount(h.t, "unit_handler", "330282006001", "CC-330282006001")).username);
    const res = await reveal(handler);
    expect(res.statusCode).toBe(403);
    expect(res.json().error.code).toBe("FORBIDDEN");
    expect(res.body).not.toContain(PHONE);
    const { rows } = await h.t.db.$client.query("SELECT 1 FROM audit_events WHERE action = 'person.reveal' AND correlation_id = $1", [
      res.headers["x-correlation-id"],
    ]);
    expect(rows).toHaveLength(0);
  });

  it("answers 404 to a reveal outside the actor's jurisdiction", async () => {
    const elsewhere = await login(h.app, (await createAccount(h.t, "street_centre", "330282006004", "CC-330282006004")).username);
    const res = await reveal(elsewhere);
    expect(res.statusCode).toBe(404);
    expect(res.body).not.toContain(PHONE);
  });

  it("never writes ID numbers, phone numbers or passwords to the logs", async () => {
    const account = await createAccount(h.t, "police", "330282006", "GT-PCS");
    await h.app.inject({ method: "POST", url: "/api/auth/login", payload: { username: account.username, password: "Wrong-Pass-777" } });
    const s = await login(h.app, account.username);
    await reveal(s);
    await h.app.inject({ method: "GET", url: `/api/people/${personId}`, headers: s.headers });
    await h.app.inject({ method: "GET", url: `/api/people?q=${PHONE}`, headers: s.headers });
    await h.app.inject({ method: "GET", url: `/api/cases?phone=${PHONE}&id=${ID}`, headers: s.headers });
    await h.app.inject({ method: "POST", url: `/api/people/${personId}/reveal?phone=${PHONE}`, headers: s.headers, payload: { reason: PHONE } });

    // The logger is on: requests are there, by path.
    expect(lines.filter((l) => l.includes(`/api/people/${personId}/reveal`)).length).toBeGreaterThanOrEqual(2);
    const sessionToken = /tb_session=([^;]+)/.exec(s.cookie)![1];
    const secrets = [ID, PHONE, TEST_PASSWORD, "Wrong-Pass-777", s.csrf, sessionToken];
    const leaks = lines.filter((l) => secrets.some((secret) => l.includes(secret)));
    expect(leaks).toEqual([]);
  });
});
