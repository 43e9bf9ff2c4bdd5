// The `changes` subscription: the change log after a cursor (or from now), a page per event, as
// the entries commit. It waits for a commit signal (src/write/commits.ts: this process, or any
// process through Redis) or, failing one, CHANGES_POLL_MS, then reads the log itself: a signal is
// only a wake-up, so none is ever needed for correctness and nothing is missed between events.
import { BadInputError } from '../errors.ts';
import { waitForCommit } from '../write/commits.ts';
import { decode, type FeedPage, lastSeq, logPage } from './changes.ts';

/** Entries per event at most (a burst, e.g. a re-seed, comes as several events). */
const PAGE = 500;

const open = new Set<ChangeStream>();

/** Ends every open stream (the server is shutting down). */
export function endChangeStreams(): void {
  for (const stream of open) void stream.return();
}

class ChangeStream implements AsyncIterableIterator<FeedPage> {
  private closed = false;
  private stopWaiting: (() => void) | undefined;
  private seq: number | undefined;

  constructor(
    private readonly start: () => Promise<number>,
    private readonly pollMs: number,
  ) {
    open.add(this);
  }

  [Symbol.asyncIterator]() {
    return this;
  }

  async next(): Promise<IteratorResult<FeedPage>> {
    this.seq ??= await this.start();
    while (!this.closed) {
      const page = await logPage(this.seq, PAGE);
      const last = page.entries.at(-1)?.seq;
      if (last != null) {
        this.seq = last;
        return { value: page, done: false };
      }
      await new Promise<void>((resolve) => {
        this.stopWaiting = waitForCommit(this.pollMs, resolve);
      });
    }
    return { value: undefined, done: true };
  }

  // Called when the client goes away or the server shuts down: a pending wait ends at once.
  async return(): Promise<IteratorResult<FeedPage>> {
    this.closed = true;
    open.delete(this);
    this.stopWaiting?.();
    return { value: undefined, done: true };
  }
}

/** Changes after `after` (a cursor of `changes` past its full sync), or from now without one. */
export function changeStream(
  after: string | null | undefined,
  pollMs: number,
): AsyncIterableIterator<FeedPage> {
  if (after == null) return new ChangeStream(lastSeq, pollMs);
  const position = decode(after);
  if (position.phase !== 'log') {
    throw new BadInputError(
      '`after` is a cursor from the middle of a full sync: finish the sync with the `changes` query, then subscribe with its last cursor.',
      'after',
    );
  }
  return new ChangeStream(async () => position.seq, pollMs);
}
