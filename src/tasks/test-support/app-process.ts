// An app server in a process of its own, for tests that need several (the claim race). Reads TEST_APP_DB_URL and
// TEST_APP_KEY (hex), listens on a free port, prints {"port": n} and serves until killed.
import { createDb } from "../../db/client.js";
import { createCipher } from "../../personal-data/cipher.js";
import { buildApp } from "../../server/app.js";

const db = createDb(process.env.TEST_APP_DB_URL!, 30);
const cipher = createCipher(Buffer.from(process.env.TEST_APP_KEY!, "hex"));
const app = await buildApp({ db, cipher, logger: false, loginRateLimit: { max: 10_000, timeWindow: 60_000 } });
await app.listen({ port: 0, host: "127.0.0.1" });
const address = app.server.address();
console.log(JSON.stringify({ port: typeof address === "object" && address ? address.port : null }));
