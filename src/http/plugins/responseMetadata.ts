// Every GraphQL answer says what it was drawn from, as openFDA's `meta` does: the data version (it
// changes with every write, so a client can tell two answers apart), when the knowledge last
// changed, the disclaimer and the licence. Added after the response cache, so a cached answer
// carries them too; read once per request, with the version the cache key uses.
import type { Plugin } from 'graphql-yoga';
import { dataVersionOf } from '../../cache/dataVersion.ts';
import { logger } from '../../logger.ts';

export const DISCLAIMER =
  'Informational data drawn from clinic documents, each fact cited; no substitute for a practitioner’s judgement.';
export const LICENCE =
  'MIT, for this API and its curated knowledge (our own wording); the source documents belong to their publishers and are cited, not reproduced.';

export interface ResponseMeta {
  dataVersion: number;
  lastUpdated: string | null;
  disclaimer: string;
  licence: string;
}

export function useResponseMetadata(): Plugin {
  return {
    async onResultProcess({ request, result, setResult }) {
      // Single answers only (no batches, no streams).
      if (Array.isArray(result) || Symbol.asyncIterator in result) return;
      let meta: ResponseMeta;
      try {
        const { version, updatedAt } = await dataVersionOf(request);
        meta = {
          dataVersion: version,
          lastUpdated: updatedAt?.toISOString() ?? null,
          disclaimer: DISCLAIMER,
          licence: LICENCE,
        };
      } catch (error) {
        // The answer (often an error saying the database is away) matters more than its metadata.
        logger.warn({ err: error }, 'response metadata unavailable');
        return;
      }
      setResult({ ...result, extensions: { ...result.extensions, meta } });
    },
  };
}
