// The `changes` subscription over Server-Sent Events, on both engines: a commit reaches an open
// subscription as an event with the cursor to resume from; a cursor replays what committed since;
// another API process hears commits through Redis pub/sub at once (its poll set far away), and
// without Redis by polling the change log.
import { describe, expect, it } from 'vitest';
import { gql, keyHeaders } from '../helpers/graphql.ts';
import { appsForFile, REDIS_URL, redisPrefix, spawnServer } from '../helpers/server.ts';

const start = appsForFile({ LOG_LEVEL: 'silent' });

interface Event {
  data?: {
    changes: {
      cursor: string;
      changes: Array<{ operation: string; kind: string; slug: string; version: number }>;
    };
  };
  errors?: Array<{ message: string; extensions?: { code?: string } }>;
}

/** An open subscription: `next()` resolves with the next event, or rejects after `ms`. */
async function subscribe(url: string, after?: string) {
  const controller = new AbortController();
  const response = await fetch(`${url}/graphql`, {
    method: 'POST',
    headers: { 'content-type': 'application/json', accept: 'text/event-stream' },
    body: JSON.stringify({
      query:
        'subscription($after: String) { changes(after: $after) { cursor changes { operation kind slug version } } }',
      variables: { after },
    }),
    signal: controller.signal,
  });
  expect(response.headers.get('content-type')).toMatch(/^text\/event-stream/);
  const reader = (response.body as ReadableStream<Uint8Array>).getReader();
  const decoder = new TextDecoder();
  let buffer = '';
  const next = async (ms = 10_000): Promise<Event> => {
    const deadline = Date.now() + ms;
    for (;;) {
      const block = /(?:^|\n)event: next\ndata: (.*)\n\n/.exec(buffer);
      if (block) {
        buffer = buffer.slice((block.index ?? 0) + block[0].length);
        return JSON.parse(block[1] as string) as Event;
      }
      const left = deadline - Date.now();
      if (left <= 0) throw new Error(`no event within ${ms} ms; received: ${JSON.stringify(buffer)}`);
      const chunk = await Promise.race([
        reader.read(),
        new Promise<never>((_, reject) =>
          setTimeout(() => reject(new Error(`no event within ${ms} ms`)), left),
        ),
      ]);
      if (chunk.done) throw new Error(`stream ended; received: ${JSON.stringify(buffer)}`);
      buffer += decoder.decode(chunk.value, { stream: true });
    }
  };
  return { next, close: () => controller.abort() };
}

let edits = 0;
/** A curated change of mesolift's summary; returns its new version. */
async function editMesolift(headers: Record<string, string>): Promise<number> {
  const read = await gql<{ treatment: { version: number } }>('{ treatment(slug: "mesolift") { version } }');
  const version = read.data?.treatment.version as number;
  const answer = await gql(
    `mutation { updateTreatment(input: { slug: "mesolift", version: ${version}, summary: { en: "Edited ${++edits}." } }) { errors { code } } }`,
    {},
    headers,
  );
  expect((answer.data?.updateTreatment as { errors: unknown[] } | undefined)?.errors).toEqual([]);
  return version + 1;
}

describe('subscription { changes }', () => {
  it('pushes each commit as it happens, and replays from a cursor what committed since', async () => {
    const server = await start();
    const curator = await keyHeaders('subscriber-curator', 'write');
    const live = await subscribe(server.url);
    const version = await editMesolift(curator);
    const event = await live.next();
    expect(event.data?.changes.changes).toEqual([
      { operation: 'UPDATE', kind: 'Treatment', slug: 'mesolift', version },
    ]);
    live.close();

    // Two commits while nobody listens; a subscription from the last cursor gets both at once.
    const cursor = event.data?.changes.cursor as string;
    await editMesolift(curator);
    const last = await editMesolift(curator);
    const resumed = await subscribe(server.url, cursor);
    const replay = await resumed.next();
    expect(replay.data?.changes.changes.map((c) => c.version)).toEqual([last - 1, last]);
    resumed.close();
  });

  it('refuses a cursor it cannot resume from, with the argument named', async () => {
    const server = await start();
    const bad = await subscribe(server.url, 'not-a-cursor');
    const event = await bad.next();
    expect(event.errors?.[0]?.extensions?.code).toBe('BAD_USER_INPUT');
    expect(event.errors?.[0]?.message).toMatch(/`after` is not a cursor of `changes`/);
    bad.close();
  });

  it('reaches a subscriber of another API process through Redis at once', async () => {
    const prefix = redisPrefix();
    // This process publishes its commits on the shared Redis…
    await start({ REDIS_URL, REDIS_PREFIX: prefix });
    // …and the other one would poll only every ten minutes: the event can only come through Redis.
    const other = await spawnServer({
      DATABASE_URL: process.env.DATABASE_URL as string,
      REDIS_URL,
      REDIS_PREFIX: prefix,
      CHANGES_POLL_MS: '600000',
    });
    try {
      const live = await subscribe(other.url);
      // The first poll of the subscription has run once its stream answers: give it a moment.
      await new Promise((resolve) => setTimeout(resolve, 300));
      const version = await editMesolift(await keyHeaders('redis-curator', 'write'));
      const event = await live.next(5000);
      expect(event.data?.changes.changes).toContainEqual({
        operation: 'UPDATE',
        kind: 'Treatment',
        slug: 'mesolift',
        version,
      });
      live.close();
    } finally {
      other.kill();
    }
  });

  it('reaches it without Redis too, by polling the change log', async () => {
    const other = await spawnServer({
      DATABASE_URL: process.env.DATABASE_URL as string,
      CHANGES_POLL_MS: '200',
    });
    try {
      const live = await subscribe(other.url);
      await new Promise((resolve) => setTimeout(resolve, 300));
      const version = await editMesolift(await keyHeaders('poll-curator', 'write'));
      const event = await live.next(5000);
      expect(event.data?.changes.changes.map((c) => c.version)).toContain(version);
      live.close();
    } finally {
      other.kill();
    }
  });
});
