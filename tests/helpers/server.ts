// Real servers on 127.0.0.1 for the production tests: an app in this process with its own
// settings (startApp), or a whole `npm start` process (spawnServer) for signals and start-up.
import { type ChildProcess, spawn } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { createServer } from 'node:net';
import { join } from 'node:path';
import { afterAll, inject } from 'vitest';
import { parseConfig } from '../../src/config.ts';
import { type App, createApp } from '../../src/server.ts';

export const REDIS_URL = process.env.TEST_REDIS_URL ?? 'redis://127.0.0.1:6379';
export const root = join(import.meta.dirname, '..', '..');

export interface Running {
  url: string;
  app: App;
  close(): Promise<void>;
}

/**
 * A unique Redis key prefix, so parallel test files never share keys; it starts with the run's id,
 * and the run deletes every key under that at the end (tests/setup/global.ts).
 */
export const redisPrefix = () => `${inject('runId')}_${randomBytes(6).toString('hex')}`;

export async function startApp(overrides: Record<string, string> = {}): Promise<Running> {
  const config = parseConfig({ ...process.env, ...overrides });
  const app = createApp(config);
  const { url } = await app.listen(0, '127.0.0.1');
  return { url, app, close: () => app.close() };
}

/**
 * A `start(env)` for one test file: each app it starts (with `defaults` under `env`) is closed
 * after the file's tests.
 */
export function appsForFile(defaults: Record<string, string> = {}) {
  const running: Running[] = [];
  afterAll(() => Promise.all(running.map((s) => s.close())));
  return async (env: Record<string, string> = {}) => {
    const server = await startApp({ ...defaults, ...env });
    running.push(server);
    return server;
  };
}

export interface Answer {
  status: number;
  headers: Headers;
  body: {
    data?: Record<string, unknown> | null;
    errors?: Array<{ message: string; extensions?: Record<string, unknown> }>;
  };
}

/** POSTs a GraphQL request the way a client does. */
export async function post(
  url: string,
  payload: Record<string, unknown> | string,
  headers: Record<string, string> = {},
): Promise<Answer> {
  const response = await fetch(`${url}/graphql`, {
    method: 'POST',
    headers: { 'content-type': 'application/json', accept: 'application/graphql-response+json', ...headers },
    body: typeof payload === 'string' ? payload : JSON.stringify(payload),
  });
  const text = await response.text();
  return { status: response.status, headers: response.headers, body: text ? JSON.parse(text) : {} };
}

export const codeOf = (answer: Answer) => answer.body.errors?.[0]?.extensions?.code;

export interface Spawned {
  url: string;
  child: ChildProcess;
  output: () => string;
  /** Resolves with the exit code. */
  exited: Promise<number | null>;
  /** Kills the child and anything it started (npm's node), whatever state they are in. */
  kill(): void;
}

/**
 * Runs `src/start.ts` in a child process (or the command given, e.g. `npm start`); resolves once it
 * logs that it listens, or rejects if it exits first.
 */
export function spawnServer(
  env: Record<string, string>,
  command: [string, ...string[]] = [process.execPath, '--import', 'tsx', 'src/start.ts'],
): Promise<Spawned> {
  const [file, ...args] = command;
  const child = spawn(file, args, {
    cwd: root,
    env: { ...process.env, PORT: '0', HOST: '127.0.0.1', LOG_LEVEL: 'info', ...env },
    stdio: ['ignore', 'pipe', 'pipe'],
    // Its own process group, so a test can end the server npm started along with npm.
    detached: true,
  });
  const kill = () => {
    try {
      process.kill(-(child.pid as number), 'SIGKILL');
    } catch {
      // Already gone.
    }
  };
  let output = '';
  const exited = new Promise<number | null>((resolve) => child.once('exit', (code) => resolve(code)));
  return new Promise((resolve, reject) => {
    const timer = setTimeout(() => {
      kill();
      reject(new Error(`server did not start in 30 s:\n${output}`));
    }, 30_000);
    const onData = (chunk: Buffer) => {
      output += chunk.toString();
      // The JSON line the server logs once it listens carries its URL.
      const match = /"url":"(http:\/\/localhost:\d+)\/graphql".*"msg":"listening"/.exec(output);
      if (match?.[1]) {
        clearTimeout(timer);
        resolve({
          url: match[1].replace('localhost', '127.0.0.1'),
          child,
          output: () => output,
          exited,
          kill,
        });
      }
    };
    child.stdout?.on('data', onData);
    child.stderr?.on('data', (chunk: Buffer) => {
      output += chunk.toString();
    });
    void exited.then((code) => {
      clearTimeout(timer);
      reject(new Error(`server exited with ${code}:\n${output}`));
    });
  });
}

/** A free TCP port on 127.0.0.1 (for a second listener or a service of the test's own). */
export const freePort = () =>
  new Promise<number>((resolve, reject) => {
    const probe = createServer();
    probe.once('error', reject);
    probe.listen(0, '127.0.0.1', () => {
      const { port } = probe.address() as { port: number };
      probe.close(() => resolve(port));
    });
  });
