import { spawn, type ChildProcess } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import type { TeamConfig, TeamConfigStorage } from '../../../lib/sync/config';

// A real CouchDB-protocol server for the sync tests: pouchdb-server as a child process on a free
// 127.0.0.1 port, in its own temp directory (it writes config.json and log.txt into its cwd).
// `inMemory: false` keeps the data on disk (LevelDB) so the server can be stopped and started again.

const BIN = resolve(fileURLToPath(new URL('.', import.meta.url)), '../../../node_modules/.bin/pouchdb-server');
/** A team configuration kept in memory, in place of the background's IndexedDB store. */
export function memoryConfig(): TeamConfigStorage & { value: TeamConfig | null } {
  const box = {
    value: null as TeamConfig | null,
    async get() {
      return box.value;
    },
    async set(c: TeamConfig) {
      box.value = structuredClone(c);
    },
    async clear() {
      box.value = null;
    },
  };
  return box;
}

export const ADMIN = { username: 'admin', password: 'admin-secret' };

async function freePort(): Promise<number> {
  return new Promise((ok, fail) => {
    const s = createServer();
    s.once('error', fail);
    s.listen(0, '127.0.0.1', () => {
      const port = (s.address() as { port: number }).port;
      s.close(() => ok(port));
    });
  });
}

export interface TestCouch {
  url: string;
  port: number;
  stop(): Promise<void>;
  start(): Promise<void>;
  /** stops the server and removes its directory */
  dispose(): Promise<void>;
  /** a raw admin request, for setting up and inspecting the server */
  admin(method: string, path: string, body?: unknown): Promise<{ status: number; json: unknown }>;
  as(user: { username: string; password: string }, method: string, path: string, body?: unknown): Promise<{ status: number; json: unknown }>;
}

export async function startCouch(options: { inMemory?: boolean } = {}): Promise<TestCouch> {
  const dir = mkdtempSync(join(tmpdir(), 'og-couch-'));
  const port = await freePort();
  const url = `http://127.0.0.1:${port}`;
  let child: ChildProcess | null = null;

  async function as(user: { username: string; password: string } | null, method: string, path: string, body?: unknown) {
    const headers: Record<string, string> = { 'content-type': 'application/json' };
    if (user) headers.authorization = `Basic ${Buffer.from(`${user.username}:${user.password}`).toString('base64')}`;
    const res = await fetch(`${url}/${path}`, { method, headers, body: body === undefined ? undefined : JSON.stringify(body) });
    const text = await res.text();
    return { status: res.status, json: text ? (JSON.parse(text) as unknown) : null };
  }

  async function start() {
    const args = ['--host', '127.0.0.1', '--port', String(port), '--no-color', '--no-stdout-logs', '--dir', dir];
    if (options.inMemory !== false) args.push('--in-memory');
    child = spawn(BIN, args, { cwd: dir, stdio: 'ignore' });
    const deadline = Date.now() + 15_000;
    for (;;) {
      try {
        const res = await fetch(`${url}/`);
        if (res.ok) break;
      } catch {
        // not listening yet
      }
      if (Date.now() > deadline) throw new Error(`pouchdb-server did not start on ${url}`);
      await new Promise((r) => setTimeout(r, 100));
    }
  }

  async function stop() {
    const c = child;
    child = null;
    if (!c || c.exitCode !== null) return;
    await new Promise<void>((ok) => {
      c.once('exit', () => ok());
      c.kill('SIGTERM');
    });
  }

  await start();
  // End the "admin party": from here on every request needs an account (config.json keeps it across restarts).
  const r = await as(null, 'PUT', '_config/admins/admin', ADMIN.password);
  if (r.status !== 200) throw new Error(`could not set the server admin: ${r.status}`);

  return {
    url,
    port,
    start,
    stop,
    async dispose() {
      await stop();
      rmSync(dir, { recursive: true, force: true });
    },
    admin: (method, path, body) => as(ADMIN, method, path, body),
    as: (user, method, path, body) => as(user, method, path, body),
  };
}
