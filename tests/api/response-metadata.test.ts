// Every answer says what it was drawn from, in `extensions.meta`: the data version, when the
// knowledge last changed, the disclaimer and the licence; on data, on errors and on cached answers.
import { describe, expect, it } from 'vitest';
import { bumpDataVersion } from '../../src/cache/dataVersion.ts';
import { db } from '../../src/db.ts';
import { gql } from '../helpers/graphql.ts';

interface Meta {
  dataVersion: number;
  lastUpdated: string | null;
  disclaimer: string;
  licence: string;
}
const metaOf = async (query: string) => {
  const answer = await gql(query);
  return answer.extensions?.meta as Meta | undefined;
};

describe('extensions.meta', () => {
  it('comes with data, with errors, and with an answer from the response cache', async () => {
    const fresh = await metaOf('{ technique(slug: "needle") { slug } }');
    expect(fresh).toEqual({
      dataVersion: expect.any(Number),
      lastUpdated: expect.stringMatching(/^\d{4}-\d\d-\d\dT/),
      disclaimer: expect.stringMatching(/no substitute for a practitioner/),
      licence: expect.stringMatching(/MIT/),
    });
    expect(fresh?.dataVersion).toBeGreaterThan(0);
    expect(await metaOf('{ technique(slug: "needle") { slug } }')).toEqual(fresh);
    expect(await metaOf('{ technique(slug: "nope") { slug } }')).toEqual(fresh);
    expect(await metaOf('{ nope }')).toEqual(fresh);
  });

  it('moves with every write', async () => {
    const before = await metaOf('{ __typename }');
    await db.$transaction((tx) => bumpDataVersion(tx));
    const after = await metaOf('{ __typename }');
    expect(after?.dataVersion).toBe((before?.dataVersion ?? 0) + 1);
    expect(Date.parse(after?.lastUpdated ?? '')).toBeGreaterThanOrEqual(
      Date.parse(before?.lastUpdated ?? ''),
    );
  });
});
