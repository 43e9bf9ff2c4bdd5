// Curation mutations through the API, on both engines: each happy path, and each way a mutation
// is refused (validation with paths, missing scope, stale version, unknown slug, missing or unknown
// citation, a delete that would orphan facts), where nothing at all is written.
import { beforeAll, describe, expect, it } from 'vitest';
import { readDataVersion } from '../../src/cache/dataVersion.ts';
import { db } from '../../src/db.ts';
import { dumpDatabase } from '../helpers/dump.ts';
import { data, gql, keyHeaders } from '../helpers/graphql.ts';

let curator: Record<string, string>;
let reader: Record<string, string>;
beforeAll(async () => {
  curator = await keyHeaders('curator-ana', 'write');
  reader = await keyHeaders('partner-app');
});
const CITE = [{ source: 'prp-vampire-lift-clinic', section: '§18 Contre-indications' }];

const ERRORS = 'errors { code message path currentVersion dependents }';

type Payload = {
  errors: Array<{
    code: string;
    message: string;
    path: string[];
    currentVersion: number | null;
    dependents: string[] | null;
  }>;
} & Record<string, unknown>;

async function mutate(name: string, input: Record<string, unknown>, selection: string) {
  const answer = await gql<Record<string, Payload>>(
    `mutation($input: ${name.charAt(0).toUpperCase()}${name.slice(1)}Input!) { ${name}(input: $input) { ${selection} dataVersion ${ERRORS} } }`,
    { input },
    curator,
  );
  if (answer.errors?.length) throw new Error(JSON.stringify(answer.errors));
  return answer.data?.[name] as Payload;
}

const treatmentVersion = async (slug: string) =>
  (await data<{ treatment: { version: number } }>(`{ treatment(slug: "${slug}") { version } }`)).treatment
    .version;

/** Runs `fn`, which must be refused, and checks that no table changed. */
async function refusedWithoutWriting(fn: () => Promise<Payload>) {
  const before = await dumpDatabase(db);
  const versionBefore = await readDataVersion();
  const payload = await fn();
  expect(payload.errors.length).toBeGreaterThan(0);
  expect(payload.dataVersion).toBeNull();
  expect(await readDataVersion()).toBe(versionBefore);
  expect(await dumpDatabase(db)).toEqual(before);
  return payload.errors;
}

describe('createTreatment', () => {
  it('creates a treatment with its citation, readable at once, logged and audited', async () => {
    const payload = await mutate(
      'createTreatment',
      {
        slug: 'hydrafacial',
        name: { fr: 'Hydrafacial', en: 'Hydrafacial' },
        summary: { fr: 'Soin du visage par aspiration.' },
        citations: [{ ...CITE[0], note: 'test' }],
      },
      'treatment { slug name version summary(locale: EN) summaryLocale(locale: EN) citations { source { slug } locator } }',
    );
    expect(payload.errors).toEqual([]);
    expect(payload.treatment).toEqual({
      slug: 'hydrafacial',
      name: 'Hydrafacial',
      version: 1,
      summary: 'Soin du visage par aspiration.',
      summaryLocale: 'FR',
      citations: [{ source: { slug: 'prp-vampire-lift-clinic' }, locator: '§18 Contre-indications' }],
    });
    expect(payload.dataVersion).toBe(await readDataVersion());
    const found = await data<{ treatments: { nodes: Array<{ slug: string }> } }>(
      '{ treatments(filter: { search: "hydrafacial" }) { nodes { slug } } }',
    );
    expect(found.treatments.nodes).toEqual([{ slug: 'hydrafacial' }]);
    const log = await db.changeLog.findMany({ where: { entityKey: 'hydrafacial' } });
    expect(log.map((l) => [l.operation, l.actor, l.version])).toEqual([['CREATE', 'curator-ana', 1]]);
    const audit = await db.auditLog.findMany({ where: { dataVersion: payload.dataVersion as number } });
    expect(audit.map((a) => a.model).sort()).toEqual(['Citation', 'Treatment']);
    expect(audit.every((a) => a.actor === 'curator-ana' && a.operation === 'CREATE')).toBe(true);
  });

  it('accepts a name in English only and reads it in both locales', async () => {
    const payload = await mutate(
      'createTreatment',
      { slug: 'led-mask', name: { en: 'LED mask' }, summary: { en: 'Light at home.' }, citations: CITE },
      'treatment { fr: name(locale: FR) nameLocale(locale: FR) en: name(locale: EN) }',
    );
    expect(payload.treatment).toEqual({ fr: 'LED mask', nameLocale: 'EN', en: 'LED mask' });
  });

  it('refuses bad input with every problem and its path, writing nothing', async () => {
    const errors = await refusedWithoutWriting(() =>
      mutate(
        'createTreatment',
        { slug: 'Bad Slug', name: {}, summary: { fr: ' ' }, citations: [] },
        'treatment { slug }',
      ),
    );
    expect(errors.map((e) => [e.code, e.path.join('.')])).toEqual([
      ['VALIDATION', 'input.slug'],
      ['VALIDATION', 'input.name'],
      ['VALIDATION', 'input.summary.fr'],
      ['CITATION_REQUIRED', 'input.citations'],
    ]);
    expect(errors[0]?.message).toMatch(/kebab-case/);
  });

  it('lets exactly one of two concurrent creates of the same slug win; the other is told why', async () => {
    const input = {
      slug: 'twin-create',
      name: { fr: 'Jumeau' },
      summary: { fr: 'Deux à la fois.' },
      citations: CITE,
    };
    const payloads = await Promise.all(
      [1, 2].map(() => mutate('createTreatment', input, 'treatment { slug }')),
    );
    const won = payloads.filter((p) => p.errors.length === 0);
    const lost = payloads.filter((p) => p.errors.length > 0);
    expect(won.map((p) => p.treatment)).toEqual([{ slug: 'twin-create' }]);
    // Writers queue on the data version's row (SQLite: on the database), so the second sees the
    // slug the first committed.
    expect(lost.map((p) => p.errors[0]?.code)).toEqual(['ALREADY_EXISTS']);
    expect(lost[0]?.dataVersion).toBeNull();
    const log = await db.changeLog.findMany({ where: { entityKey: 'twin-create' } });
    expect(log.map((l) => l.operation)).toEqual(['CREATE']);
  });

  it('refuses an existing slug and unknown citations', async () => {
    const taken = await refusedWithoutWriting(() =>
      mutate(
        'createTreatment',
        { slug: 'prp-injection', name: { fr: 'X' }, summary: { fr: 'Y' }, citations: CITE },
        'treatment { slug }',
      ),
    );
    expect(taken).toMatchObject([{ code: 'ALREADY_EXISTS', path: ['input', 'slug'] }]);
    const unknown = await refusedWithoutWriting(() =>
      mutate(
        'createTreatment',
        {
          slug: 'new-one',
          name: { fr: 'X' },
          summary: { fr: 'Y' },
          citations: [
            { source: 'nope', section: '§1' },
            { source: 'prp-vampire-lift-clinic', section: '§99 Nothing' },
          ],
        },
        'treatment { slug }',
      ),
    );
    expect(unknown.map((e) => [e.code, e.path.join('.')])).toEqual([
      ['UNKNOWN_CITATION', 'input.citations.0.source'],
      ['UNKNOWN_CITATION', 'input.citations.1.section'],
    ]);
  });

  it('needs the write scope', async () => {
    const answer = await gql(
      'mutation { createTreatment(input: { slug: "x", name: { fr: "X" }, summary: { fr: "Y" }, citations: [] }) { dataVersion } }',
      {},
      reader,
    );
    expect(answer.errors?.[0]?.extensions?.code).toBe('FORBIDDEN');
    expect(await db.treatment.count({ where: { slug: 'x' } })).toBe(0);
  });
});

describe('updateTreatment', () => {
  it('updates the fields sent at the version read, and bumps the version', async () => {
    const version = await treatmentVersion('mesotherapy');
    const payload = await mutate(
      'updateTreatment',
      { slug: 'mesotherapy', version, summary: { fr: 'Résumé corrigé.', en: 'Corrected summary.' } },
      'treatment { version summary(locale: EN) name }',
    );
    expect(payload.errors).toEqual([]);
    expect(payload.treatment).toMatchObject({
      version: version + 1,
      summary: 'Corrected summary.',
      name: 'Mésothérapie',
    });
  });

  it('refuses a stale version with CONFLICT and the current version', async () => {
    const version = await treatmentVersion('mesolift');
    const errors = await refusedWithoutWriting(() =>
      mutate(
        'updateTreatment',
        { slug: 'mesolift', version: version - 1 || 99, name: { fr: 'Z' } },
        'treatment { slug }',
      ),
    );
    expect(errors).toMatchObject([{ code: 'CONFLICT', path: ['input', 'version'], currentVersion: version }]);
  });

  it('lets exactly one of two concurrent updates of the same version win', async () => {
    const version = await treatmentVersion('microfilling');
    const [a, b] = await Promise.all(
      ['Un', 'Deux'].map((word) =>
        mutate(
          'updateTreatment',
          { slug: 'microfilling', version, summary: { fr: word } },
          'treatment { version }',
        ),
      ),
    );
    const outcomes = [a, b].map((p) => (p?.errors.length ? p.errors[0]?.code : 'OK')).sort();
    expect(outcomes).toEqual(['CONFLICT', 'OK']);
    expect(await treatmentVersion('microfilling')).toBe(version + 1);
  });

  it('says NOT_FOUND for an unknown slug', async () => {
    const errors = await refusedWithoutWriting(() =>
      mutate(
        'updateTreatment',
        { slug: 'no-such-thing', version: 1, name: { fr: 'Z' } },
        'treatment { slug }',
      ),
    );
    expect(errors).toMatchObject([{ code: 'NOT_FOUND', path: ['input', 'slug'] }]);
  });
});

describe('contraindication links', () => {
  it('adds, updates and removes a link with citations; overlaps and screening follow', async () => {
    let version = await treatmentVersion('led-photobiomodulation');
    const added = await mutate(
      'addTreatmentContraindication',
      {
        treatment: 'led-photobiomodulation',
        contraindication: 'anticoagulants',
        severity: 'RELATIVE',
        citations: CITE,
      },
      'treatment { version contraindications { edges { severity node { slug } citations { locator } } } }',
    );
    expect(added.errors).toEqual([]);
    const edge = (
      added.treatment as { contraindications: { edges: Array<{ node: { slug: string } }> } }
    ).contraindications.edges.find((e) => e.node.slug === 'anticoagulants');
    expect(edge).toEqual({
      severity: 'RELATIVE',
      node: { slug: 'anticoagulants' },
      citations: [{ locator: '§18 Contre-indications' }],
    });
    expect((added.treatment as { version: number }).version).toBe(version + 1);
    version += 1;

    const updated = await mutate(
      'updateTreatmentContraindication',
      {
        treatment: 'led-photobiomodulation',
        contraindication: 'anticoagulants',
        version,
        severity: 'ABSOLUTE',
      },
      'treatment { version }',
    );
    expect(updated.errors).toEqual([]);
    const screened = await data<{
      screenTreatments: Array<{ treatment: { slug: string }; matches: Array<{ severity: string }> }>;
    }>(
      '{ screenTreatments(conditions: ["anticoagulants"], first: 100) { treatment { slug } matches { severity } } }',
    );
    const led = screened.screenTreatments.find((n) => n.treatment.slug === 'led-photobiomodulation');
    expect(led?.matches.map((m) => m.severity)).toEqual(['ABSOLUTE']);
    version += 1;

    const removed = await mutate(
      'removeTreatmentContraindication',
      { treatment: 'led-photobiomodulation', contraindication: 'anticoagulants', version },
      'treatment { version contraindications { nodes { slug } } }',
    );
    expect(removed.errors).toEqual([]);
    expect(
      (removed.treatment as { contraindications: { nodes: Array<{ slug: string }> } }).contraindications
        .nodes,
    ).not.toContainEqual({
      slug: 'anticoagulants',
    });
    expect(
      await db.citation.count({ where: { claimSubject: 'led-photobiomodulation/anticoagulants' } }),
    ).toBe(0);
  });

  it('refuses a link without citation, to an unknown entry, or twice', async () => {
    const noCitation = await refusedWithoutWriting(() =>
      mutate(
        'addTreatmentContraindication',
        { treatment: 'microneedling', contraindication: 'pregnancy', severity: 'ABSOLUTE', citations: [] },
        'treatment { slug }',
      ),
    );
    expect(noCitation).toMatchObject([{ code: 'CITATION_REQUIRED', path: ['input', 'citations'] }]);
    const unknown = await refusedWithoutWriting(() =>
      mutate(
        'addTreatmentContraindication',
        { treatment: 'microneedling', contraindication: 'nope', severity: 'ABSOLUTE', citations: CITE },
        'treatment { slug }',
      ),
    );
    expect(unknown).toMatchObject([{ code: 'NOT_FOUND', path: ['input', 'contraindication'] }]);
    const twice = await refusedWithoutWriting(() =>
      mutate(
        'addTreatmentContraindication',
        {
          treatment: 'prp-injection',
          contraindication: 'anticoagulants',
          severity: 'ABSOLUTE',
          citations: CITE,
        },
        'treatment { slug }',
      ),
    );
    expect(twice).toMatchObject([{ code: 'ALREADY_EXISTS' }]);
  });
});

describe('deleteContraindication', () => {
  it('refuses while treatments link it, listing them; cascade removes the links too', async () => {
    const { contraindication } = await data<{
      contraindication: { version: number; treatments: { nodes: Array<{ slug: string }> } };
    }>('{ contraindication(slug: "pregnancy") { version treatments(first: 100) { nodes { slug } } } }');
    const linked = contraindication.treatments.nodes.map((n) => `Treatment/${n.slug}`).sort();
    expect(linked.length).toBeGreaterThan(0);
    const errors = await refusedWithoutWriting(() =>
      mutate(
        'deleteContraindication',
        { slug: 'pregnancy', version: contraindication.version },
        'deletedSlug',
      ),
    );
    expect(errors[0]?.code).toBe('IN_USE');
    expect(errors[0]?.dependents).toEqual(linked);
    expect(errors[0]?.message).toContain(linked[0]);

    const deleted = await mutate(
      'deleteContraindication',
      { slug: 'pregnancy', version: contraindication.version, cascade: true },
      'deletedSlug deletedId',
    );
    expect(deleted.errors).toEqual([]);
    expect(deleted.deletedSlug).toBe('pregnancy');
    expect(
      await db.treatmentContraindication.count({ where: { contraindication: { slug: 'pregnancy' } } }),
    ).toBe(0);
    const log = await db.changeLog.findMany({ where: { dataVersion: deleted.dataVersion as number } });
    expect(log.find((l) => l.entity === 'Contraindication')).toMatchObject({
      operation: 'DELETE',
      entityKey: 'pregnancy',
    });
    expect(log.filter((l) => l.entity === 'Treatment').map((l) => l.operation)).toContain('UPDATE');
  });
});
