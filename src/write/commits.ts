// Tells whoever waits for the knowledge to change (the `changes` subscription) that a write has
// committed: in this process at once, and in every other API process through Redis pub/sub when
// REDIS_URL is set. A signal carries nothing: a waiter reads the change log itself, so a lost or
// repeated signal costs at most a poll interval or an empty read, never a missed change.
import type { Redis } from 'ioredis';

type Listener = () => void;

const listeners = new Set<Listener>();
/** Publishers to other processes (one per app with Redis; a test process may run several). */
const relays = new Set<() => void>();

function wake() {
  for (const listener of [...listeners]) listener();
}

/** Called by the unit of work once a write has committed. */
export function announceCommit(): void {
  wake();
  for (const publish of relays) publish();
}

/**
 * Calls `then` once, at the next commit (here or, with Redis, in another process) or after `ms`,
 * whichever comes first; returns a function that cancels the wait and calls `then` at once.
 */
export function waitForCommit(ms: number, then: () => void): () => void {
  let done = false;
  const finish = () => {
    if (done) return;
    done = true;
    clearTimeout(timer);
    listeners.delete(finish);
    then();
  };
  const timer = setTimeout(finish, ms);
  listeners.add(finish);
  return finish;
}

/**
 * Relays commits between processes on `channel`: `publisher` announces this process's, `subscriber`
 * (a connection of its own, in subscriber mode) hears everyone's. Returns the function that stops.
 */
export function relayCommits(publisher: Redis, subscriber: Redis, channel: string): () => void {
  const publish = () => {
    publisher.publish(channel, '1').catch(() => {
      // Redis away: other processes notice by polling.
    });
  };
  relays.add(publish);
  const subscribe = () => {
    subscriber.subscribe(channel).catch(() => {
      // Retried on the next 'ready'.
    });
  };
  const onMessage = (from: string) => {
    if (from === channel) wake();
  };
  subscriber.on('ready', subscribe);
  subscriber.on('message', onMessage);
  if (subscriber.status === 'ready') subscribe();
  return () => {
    relays.delete(publish);
    subscriber.off('ready', subscribe);
    subscriber.off('message', onMessage);
  };
}
