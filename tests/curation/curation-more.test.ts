// The rest of curation, on both engines: vocabulary entries, side-effect links with their own
// fields, regulatory statuses, deleting a treatment others refer to, the audit trail (admin only),
// a failure injected after each step of a curation write leaving everything as it was, and a
// mutation in another process invalidating this process's response cache.
import { describe, expect, it } from 'vitest';
import { readDataVersion } from '../../src/cache/dataVersion.ts';
import { db } from '../../src/db.ts';
import { addFact } from '../../src/write/curation/facts.ts';
import { factSpecs } from '../../src/write/curation/specs.ts';
import { InjectedWriteFailure, write, writeSteps } from '../../src/write/unitOfWork.ts';
import { dumpDatabase } from '../helpers/dump.ts';
import { data, gql, keyHeaders } from '../helpers/graphql.ts';
import { appsForFile, post, spawnServer } from '../helpers/server.ts';

const CITE = '{ source: "prp-vampire-lift-clinic", section: "§19 Suspension par l\'ANSM" }';

async function mutate<T = Record<string, unknown>>(headers: Record<string, string>, query: string) {
  const answer = await gql<Record<string, T & { errors: Array<{ code: string; path: string[] }> }>>(
    query,
    {},
    headers,
  );
  if (answer.errors?.length) throw new Error(JSON.stringify(answer.errors));
  return Object.values(answer.data ?? {})[0] as T & { errors: Array<{ code: string; path: string[] }> };
}

const treatmentVersion = async (slug: string) =>
  (await data<{ treatment: { version: number } }>(`{ treatment(slug: "${slug}") { version } }`)).treatment
    .version;

describe('vocabulary mutations', () => {
  it('creates, updates and deletes a technique; a stale version is refused', async () => {
    const curator = await keyHeaders('curator-vocab', 'write');
    const created = await mutate<{ technique: { slug: string; version: number; name: string } }>(
      curator,
      `mutation { createTechnique(input: { slug: "cannula", name: { fr: "Canule", en: "Cannula" }, citations: [${CITE}] }) { technique { slug version name } errors { code path } } }`,
    );
    expect(created.errors).toEqual([]);
    expect(created.technique).toEqual({ slug: 'cannula', version: 1, name: 'Canule' });
    const updated = await mutate<{ technique: { version: number; description: string } }>(
      curator,
      `mutation { updateTechnique(input: { slug: "cannula", version: 1, description: { fr: "Tube souple à bout mousse." } }) { technique { version description } errors { code path } } }`,
    );
    expect(updated.technique).toEqual({ version: 2, description: 'Tube souple à bout mousse.' });
    const stale = await mutate(
      curator,
      'mutation { deleteTechnique(input: { slug: "cannula", version: 1 }) { deletedSlug errors { code path currentVersion } } }',
    );
    expect(stale.errors).toEqual([{ code: 'CONFLICT', path: ['input', 'version'], currentVersion: 2 }]);
    const deleted = await mutate<{ deletedSlug: string }>(
      curator,
      'mutation { deleteTechnique(input: { slug: "cannula", version: 2 }) { deletedSlug errors { code path } } }',
    );
    expect(deleted.deletedSlug).toBe('cannula');
    const gone = await gql('{ technique(slug: "cannula") { slug } }');
    expect(gone.errors?.[0]?.extensions?.code).toBe('NOT_FOUND');
  });

  it('requires the category of an indication, with its path', async () => {
    const curator = await keyHeaders('curator-vocab-2', 'write');
    const answer = await gql(
      `mutation { createIndication(input: { slug: "rosacea", name: { fr: "Rosacée" }, citations: [${CITE}] }) { errors { code path } } }`,
      {},
      curator,
    );
    // A required GraphQL argument missing is a document error, before any resolver.
    expect(answer.errors?.[0]?.extensions?.code).toBe('GRAPHQL_VALIDATION_FAILED');
    expect(answer.errors?.[0]?.message).toMatch(/category/);
  });
});

describe('sources, jurisdictions and authorities', () => {
  it('creates a source with sections; a cited section stays; deleting it needs admin and takes uncited facts along', async () => {
    const curator = await keyHeaders('curator-src', 'write');
    const admin = await keyHeaders('admin-src', 'write', 'admin');
    const created = await mutate<{ source: { slug: string; sections: Array<{ locator: string }> } }>(
      curator,
      `mutation { createSource(input: { slug: "led-leaflet", title: "Fiche LED", language: "fr", kind: PATIENT_INFORMATION_SHEET, fileName: "led.txt", lastUpdated: "2026-10-01", sections: ["Principe", "Séances"] }) {
        source { slug sections { locator } } errors { code path } } }`,
    );
    expect(created.errors).toEqual([]);
    expect(created.source.sections.map((x) => x.locator)).toEqual(['Principe', 'Séances']);
    const linked = await mutate(
      curator,
      'mutation { addTreatmentTechnique(input: { treatment: "led-photobiomodulation", technique: "needle", citations: [{ source: "led-leaflet", section: "Séances" }] }) { errors { code path } } }',
    );
    expect(linked.errors).toEqual([]);
    const sourceVersion = async () =>
      (await data<{ source: { version: number } }>('{ source(slug: "led-leaflet") { version } }')).source
        .version;
    const cutCited = await mutate<{ errors: Array<{ code: string; path: string[]; dependents: string[] }> }>(
      curator,
      `mutation { updateSource(input: { slug: "led-leaflet", version: ${await sourceVersion()}, sections: ["Principe"] }) { errors { code path dependents } } }`,
    );
    expect(cutCited.errors).toEqual([
      { code: 'IN_USE', path: ['input', 'sections'], dependents: ['led-photobiomodulation/needle'] },
    ]);
    const deleteQuery = (cascade: boolean, v: number) =>
      `mutation { deleteSource(input: { slug: "led-leaflet", version: ${v}, cascade: ${cascade} }) { deletedSlug errors { code dependents } } }`;
    const forbidden = await gql(deleteQuery(true, await sourceVersion()), {}, curator);
    expect(forbidden.errors?.[0]?.extensions?.code).toBe('FORBIDDEN');
    const inUse = await mutate<{ errors: Array<{ code: string; dependents: string[] }> }>(
      admin,
      deleteQuery(false, await sourceVersion()),
    );
    expect(inUse.errors).toEqual([{ code: 'IN_USE', dependents: ['Treatment/led-photobiomodulation'] }]);
    const done = await mutate<{ deletedSlug: string }>(admin, deleteQuery(true, await sourceVersion()));
    expect(done.deletedSlug).toBe('led-leaflet');
    // The link cited only that source: a fact is never left uncited, so it went too.
    const led = await data<{ treatment: { techniques: { nodes: Array<{ slug: string }> } } }>(
      '{ treatment(slug: "led-photobiomodulation") { techniques { nodes { slug } } } }',
    );
    expect(led.treatment.techniques.nodes.map((n) => n.slug)).not.toContain('needle');
  });

  it('creates a jurisdiction (ISO code) and an authority in it; the jurisdiction is then IN_USE', async () => {
    const curator = await keyHeaders('curator-jur', 'write');
    const bad = await mutate(
      curator,
      'mutation { createJurisdiction(input: { code: "be", name: { fr: "Belgique" } }) { errors { code path } } }',
    );
    expect(bad.errors).toEqual([{ code: 'VALIDATION', path: ['input', 'code'] }]);
    const be = await mutate<{ jurisdiction: { code: string; name: string } }>(
      curator,
      'mutation { createJurisdiction(input: { code: "BE", name: { fr: "Belgique", en: "Belgium" } }) { jurisdiction { code name(locale: EN) } errors { code path } } }',
    );
    expect(be.jurisdiction).toEqual({ code: 'BE', name: 'Belgium' });
    const unknownJurisdiction = await mutate(
      curator,
      `mutation { createAuthority(input: { slug: "afmps", name: { fr: "AFMPS" }, jurisdiction: "XX", citations: [${CITE}] }) { errors { code path } } }`,
    );
    expect(unknownJurisdiction.errors).toEqual([{ code: 'NOT_FOUND', path: ['input', 'jurisdiction'] }]);
    const afmps = await mutate<{ authority: { slug: string; jurisdiction: { code: string } } }>(
      curator,
      `mutation { createAuthority(input: { slug: "afmps", acronym: "AFMPS", name: { fr: "Agence fédérale des médicaments" }, jurisdiction: "BE", citations: [${CITE}] }) { authority { slug jurisdiction { code } } errors { code path } } }`,
    );
    expect(afmps.authority).toEqual({ slug: 'afmps', jurisdiction: { code: 'BE' } });
    const inUse = await mutate<{ errors: Array<{ code: string; dependents: string[] }> }>(
      curator,
      'mutation { deleteJurisdiction(input: { code: "BE", version: 1 }) { deletedCode errors { code dependents } } }',
    );
    expect(inUse.errors).toEqual([{ code: 'IN_USE', dependents: ['Authority/afmps'] }]);
  });
});

describe('fact mutations', () => {
  it('adds a side effect with frequency and duration, readable on the edge', async () => {
    const curator = await keyHeaders('curator-fx', 'write');
    const payload = await mutate<{
      treatment: {
        sideEffects: { edges: Array<{ frequency: string; typicalDuration: string; node: { slug: string } }> };
      };
    }>(
      curator,
      `mutation { addTreatmentSideEffect(input: { treatment: "led-photobiomodulation", sideEffect: "redness", frequency: { fr: "fréquente" }, typicalDuration: { fr: "quelques heures", en: "a few hours" }, citations: [${CITE}] }) {
        treatment { sideEffects(first: 50) { edges { frequency typicalDuration(locale: EN) node { slug } } } } errors { code path } } }`,
    );
    expect(payload.errors).toEqual([]);
    expect(payload.treatment.sideEffects.edges.find((e) => e.node.slug === 'redness')).toEqual({
      frequency: 'fréquente',
      typicalDuration: 'a few hours',
      node: { slug: 'redness' },
    });
  });

  it('sets, changes and removes a regulatory status, with its authority', async () => {
    const curator = await keyHeaders('curator-status', 'write');
    const added = await mutate<{
      treatment: {
        regulatoryStatuses: { nodes: Array<{ status: string; authority: { slug: string } | null }> };
      };
    }>(
      curator,
      `mutation { addRegulatoryStatus(input: { treatment: "microneedling", jurisdiction: "FR", status: RESTRICTED, authority: "ansm", reason: { fr: "Acte médical." }, citations: [${CITE}] }) {
        treatment { regulatoryStatuses { nodes { status authority { slug } } } } errors { code path } } }`,
    );
    expect(added.errors).toEqual([]);
    expect(added.treatment.regulatoryStatuses.nodes).toEqual([
      { status: 'RESTRICTED', authority: { slug: 'ansm' } },
    ]);
    const badAuthority = await mutate(
      curator,
      `mutation { updateRegulatoryStatus(input: { treatment: "microneedling", jurisdiction: "FR", version: ${await treatmentVersion('microneedling')}, authority: "nope" }) { errors { code path } } }`,
    );
    expect(badAuthority.errors).toEqual([{ code: 'NOT_FOUND', path: ['input', 'authority'] }]);
    const lifted = await mutate<{ treatment: { regulatoryStatuses: { nodes: Array<{ status: string }> } } }>(
      curator,
      `mutation { updateRegulatoryStatus(input: { treatment: "microneedling", jurisdiction: "FR", version: ${await treatmentVersion('microneedling')}, status: PERMITTED, authority: null }) {
        treatment { regulatoryStatuses { nodes { status } } } errors { code path } } }`,
    );
    expect(lifted.treatment.regulatoryStatuses.nodes).toEqual([{ status: 'PERMITTED' }]);
    const removed = await mutate<{ treatment: { regulatoryStatuses: { nodes: unknown[] } } }>(
      curator,
      `mutation { removeRegulatoryStatus(input: { treatment: "microneedling", jurisdiction: "FR", version: ${await treatmentVersion('microneedling')} }) {
        treatment { regulatoryStatuses { nodes { status } } } errors { code path } } }`,
    );
    expect(removed.treatment.regulatoryStatuses.nodes).toEqual([]);
    const unknown = await mutate(
      curator,
      `mutation { removeRegulatoryStatus(input: { treatment: "microneedling", jurisdiction: "ZZ", version: ${await treatmentVersion('microneedling')} }) { errors { code path } } }`,
    );
    expect(unknown.errors).toEqual([{ code: 'NOT_FOUND', path: ['input', 'jurisdiction'] }]);
  });

  it('adds, updates and removes a protocol claim known by its key', async () => {
    const curator = await keyHeaders('curator-protocol', 'write');
    const PROTOCOL = 'protocol(first: 50) { nodes { kind text min max unit } }';
    const bad = await mutate(
      curator,
      `mutation { addProtocolClaim(input: { treatment: "mesolift", key: "Top Up", kind: MAINTENANCE, text: { fr: "Entretien annuel." }, citations: [${CITE}] }) { errors { code path } } }`,
    );
    expect(bad.errors).toEqual([{ code: 'VALIDATION', path: ['input', 'key'] }]);
    const added = await mutate<{ treatment: { protocol: { nodes: Array<Record<string, unknown>> } } }>(
      curator,
      `mutation { addProtocolClaim(input: { treatment: "mesolift", key: "top-up", kind: MAINTENANCE, text: { fr: "Une séance d'entretien par an." }, min: 1, max: 1, unit: PER_YEAR, citations: [${CITE}] }) {
        treatment { ${PROTOCOL} } errors { code path } } }`,
    );
    expect(added.errors).toEqual([]);
    expect(added.treatment.protocol.nodes).toContainEqual({
      kind: 'MAINTENANCE',
      text: "Une séance d'entretien par an.",
      min: 1,
      max: 1,
      unit: 'PER_YEAR',
    });
    const updated = await mutate<{ treatment: { protocol: { nodes: Array<Record<string, unknown>> } } }>(
      curator,
      `mutation { updateProtocolClaim(input: { treatment: "mesolift", key: "top-up", version: ${await treatmentVersion('mesolift')}, max: 2, unit: null }) {
        treatment { ${PROTOCOL} } errors { code path } } }`,
    );
    expect(updated.treatment.protocol.nodes).toContainEqual({
      kind: 'MAINTENANCE',
      text: "Une séance d'entretien par an.",
      min: 1,
      max: 2,
      unit: null,
    });
    // A range whose max is below its min is refused, whether both are sent or one meets the stored other.
    const inverted = await mutate(
      curator,
      `mutation { addProtocolClaim(input: { treatment: "mesolift", key: "inverted", kind: SESSION_COUNT, text: { fr: "Entre 5 et 3 séances." }, min: 5, max: 3, unit: SESSION, citations: [${CITE}] }) { errors { code path message } } }`,
    );
    expect(inverted.errors).toEqual([
      { code: 'VALIDATION', path: ['input', 'max'], message: 'max (3) must not be less than min (5)' },
    ]);
    const below = await mutate(
      curator,
      `mutation { updateProtocolClaim(input: { treatment: "mesolift", key: "top-up", version: ${await treatmentVersion('mesolift')}, min: 3 }) { errors { code path message } } }`,
    );
    expect(below.errors).toEqual([
      { code: 'VALIDATION', path: ['input', 'min'], message: 'min (3) must not be more than max (2)' },
    ]);
    expect(await db.protocolClaim.count({ where: { key: 'inverted' } })).toBe(0);
    expect(await db.protocolClaim.findFirst({ where: { key: 'top-up' }, select: { min: true } })).toEqual({
      min: 1,
    });
    const removed = await mutate<{ treatment: { protocol: { nodes: Array<{ kind: string }> } } }>(
      curator,
      `mutation { removeProtocolClaim(input: { treatment: "mesolift", key: "top-up", version: ${await treatmentVersion('mesolift')} }) {
        treatment { ${PROTOCOL} } errors { code path } } }`,
    );
    expect(removed.errors).toEqual([]);
    expect(await db.protocolClaim.count({ where: { key: 'top-up' } })).toBe(0);
  });

  it('deleting a treatment others combine with is IN_USE, listing them; cascade removes those links', async () => {
    const curator = await keyHeaders('curator-del', 'write');
    // A contraindication others have too, so the treatment has overlap pairs to lose.
    const linked = await mutate(
      curator,
      `mutation { addTreatmentContraindication(input: { treatment: "led-photobiomodulation", contraindication: "pregnancy", severity: ABSOLUTE, citations: [${CITE}] }) { errors { code } } }`,
    );
    expect(linked.errors).toEqual([]);
    const version = await treatmentVersion('led-photobiomodulation');
    const led = await db.treatment.findUniqueOrThrow({ where: { slug: 'led-photobiomodulation' } });
    const ledPairs = { OR: [{ treatmentAId: led.id }, { treatmentBId: led.id }] };
    expect(await db.contraindicationOverlap.count({ where: ledPairs })).toBeGreaterThan(0);
    const refused = await mutate<{ errors: Array<{ code: string; dependents: string[] }> }>(
      curator,
      `mutation { deleteTreatment(input: { slug: "led-photobiomodulation", version: ${version} }) { errors { code dependents } } }`,
    );
    expect(refused.errors).toEqual([
      { code: 'IN_USE', dependents: ['Treatment/mesotherapy', 'Treatment/prp-injection'] },
    ]);
    const done = await mutate<{ deletedSlug: string }>(
      curator,
      `mutation { deleteTreatment(input: { slug: "led-photobiomodulation", version: ${version}, cascade: true }) { deletedSlug errors { code } } }`,
    );
    expect(done.deletedSlug).toBe('led-photobiomodulation');
    expect(await db.contraindicationOverlap.count({ where: ledPairs })).toBe(0);
    const meso = await data<{ treatment: { combinableWith: { nodes: Array<{ slug: string }> } } }>(
      '{ treatment(slug: "mesotherapy") { combinableWith { nodes { slug } } } }',
    );
    expect(meso.treatment.combinableWith.nodes.map((n) => n.slug)).not.toContain('led-photobiomodulation');
  });
});

describe('contraindication severity and its citations', () => {
  const EDGE = `contraindications(first: 50) { edges { severity node { slug } citations { locator severity } } }`;
  type Edges = {
    treatment: {
      contraindications: {
        edges: Array<{
          severity: string;
          node: { slug: string };
          citations: Array<{ locator: string; severity: string }>;
        }>;
      };
    };
  };

  it("changing a link's severity alone restates the citations that stated the old one", async () => {
    const curator = await keyHeaders('curator-severity', 'write');
    const updated = await mutate<Edges>(
      curator,
      `mutation { updateTreatmentContraindication(input: { treatment: "prp-injection", contraindication: "anticoagulants", version: ${await treatmentVersion('prp-injection')}, severity: ABSOLUTE }) { treatment { ${EDGE} } errors { code path message } } }`,
    );
    expect(updated.errors).toEqual([]);
    const edge = updated.treatment.contraindications.edges.find((e) => e.node.slug === 'anticoagulants');
    expect(edge?.severity).toBe('ABSOLUTE');
    expect(edge?.citations.map((c) => c.severity)).toEqual(edge?.citations.map(() => 'ABSOLUTE'));
  });

  it("refuses a link milder than a citation states, or stated by none, and a severity on another fact's citation", async () => {
    const curator = await keyHeaders('curator-severity-bad', 'write');
    const before = await dumpDatabase(db);
    const milder = await mutate(
      curator,
      `mutation { addTreatmentContraindication(input: { treatment: "microfilling", contraindication: "cancer", severity: RELATIVE, citations: [{ source: "prp-vampire-lift-clinic", section: "§18 Contre-indications", severity: ABSOLUTE }] }) { errors { code path message } } }`,
    );
    expect(milder.errors).toEqual([
      {
        code: 'VALIDATION',
        path: ['input', 'severity'],
        message:
          "RELATIVE is milder than ABSOLUTE, stated by one of its citations: a link's severity is the strictest its citations state",
      },
    ]);
    const unstated = await mutate(
      curator,
      `mutation { addTreatmentContraindication(input: { treatment: "microfilling", contraindication: "cancer", severity: ABSOLUTE, citations: [{ source: "prp-vampire-lift-clinic", section: "§18 Contre-indications", severity: PRECAUTION }] }) { errors { code path } } }`,
    );
    expect(unstated.errors).toEqual([{ code: 'VALIDATION', path: ['input', 'severity'] }]);
    const onTechnique = await mutate(
      curator,
      `mutation { addTreatmentTechnique(input: { treatment: "microfilling", technique: "needle", citations: [${CITE.replace(' }', ', severity: ABSOLUTE }')}] }) { errors { code path message } } }`,
    );
    expect(onTechnique.errors).toEqual([
      {
        code: 'VALIDATION',
        path: ['input', 'citations', '0', 'severity'],
        message: 'a citation states a severity only on a contraindication link',
      },
    ]);
    expect(await dumpDatabase(db)).toEqual(before);
  });

  it('refuses making a link milder than a citation that states its own severity', async () => {
    const curator = await keyHeaders('curator-severity-mixed', 'write');
    const added = await mutate(
      curator,
      `mutation { addTreatmentContraindication(input: { treatment: "microfilling", contraindication: "cancer", severity: ABSOLUTE, citations: [{ source: "prp-vampire-lift-clinic", section: "§18 Contre-indications", severity: ABSOLUTE }, { source: "prp-vampire-lift-clinic", section: "§19 Suspension par l'ANSM", severity: PRECAUTION }] }) { errors { code path } } }`,
    );
    expect(added.errors).toEqual([]);
    const milder = await mutate(
      curator,
      `mutation { updateTreatmentContraindication(input: { treatment: "microfilling", contraindication: "cancer", version: ${await treatmentVersion('microfilling')}, severity: RELATIVE }) { errors { code path } } }`,
    );
    // The ABSOLUTE citation follows to RELATIVE, the PRECAUTION one keeps its own: RELATIVE is then
    // stated, and nothing is stricter, so this one is allowed…
    expect(milder.errors).toEqual([]);
    const edges = await data<Edges>(`{ treatment(slug: "microfilling") { ${EDGE} } }`);
    const edge = edges.treatment.contraindications.edges.find((e) => e.node.slug === 'cancer');
    expect(edge?.citations.map((c) => c.severity).sort()).toEqual(['PRECAUTION', 'RELATIVE']);
  });
});

describe('auditLog', () => {
  it('lists every row a mutation wrote, with before and after, for admins only', async () => {
    const curator = await keyHeaders('curator-audit', 'write');
    const admin = await keyHeaders('admin-audit', 'write', 'admin');
    const version = await treatmentVersion('prp-derma-roller');
    const payload = await mutate<{ dataVersion: number }>(
      curator,
      `mutation { updateTreatment(input: { slug: "prp-derma-roller", version: ${version}, name: { fr: "PRP et dermaroller" } }) { dataVersion errors { code } } }`,
    );
    const query = `{ auditLog(filter: { dataVersion: ${payload.dataVersion} }) { totalCount nodes { actor operation model before after } } }`;
    const forbidden = await gql(query, {}, curator);
    expect(forbidden.errors?.[0]?.extensions?.code).toBe('FORBIDDEN');
    const answer = await data<{
      auditLog: {
        totalCount: number;
        nodes: Array<{ actor: string; operation: string; model: string; before: string; after: string }>;
      };
    }>(query, {}, admin);
    expect(answer.auditLog.totalCount).toBe(1);
    const [entry] = answer.auditLog.nodes;
    expect(entry).toMatchObject({ actor: 'curator-audit', operation: 'UPDATE', model: 'Treatment' });
    expect(JSON.parse(entry?.after as string).nameFr).toBe('PRP et dermaroller');
    expect(JSON.parse(entry?.before as string).nameFr).not.toBe('PRP et dermaroller');
  });
});

describe('a curation write failing after each step', () => {
  for (const step of writeSteps) {
    it(`leaves data, overlap pairs, data version, change log and audit as they were (after ${step})`, async () => {
      const before = await dumpDatabase(db);
      const version = await readDataVersion();
      const spec = factSpecs.find((s) => s.model === 'TreatmentContraindication');
      if (!spec) throw new Error('no contraindication link spec');
      const attempt = write(
        db,
        'curator-fail',
        (w) =>
          addFact(w, spec, {
            treatment: 'microneedling',
            contraindication: 'anticoagulants',
            severity: 'ABSOLUTE',
            citations: [{ source: 'prp-vampire-lift-clinic', section: '§18 Contre-indications' }],
          }),
        { failAfter: step },
      );
      await expect(attempt).rejects.toBeInstanceOf(InjectedWriteFailure);
      expect(await readDataVersion()).toBe(version);
      expect(await dumpDatabase(db)).toEqual(before);
    });
  }
});

describe('response cache', () => {
  const start = appsForFile();
  it('is invalidated by a mutation made in another process', async () => {
    const reader = await start({ RESPONSE_CACHE: 'true' });
    const query = { query: '{ technique(slug: "roller") { name(locale: EN) version } }' };
    const first = await post(reader.url, query);
    // Written behind the cache's back (no data version bump): still the cached answer.
    await db.technique.update({ where: { slug: 'roller' }, data: { nameEn: 'Behind the cache' } });
    expect((await post(reader.url, query)).body).toEqual(first.body);
    const writer = await spawnServer({ DATABASE_URL: process.env.DATABASE_URL as string });
    try {
      const curator = await keyHeaders('curator-cache', 'write');
      const { version } = (first.body.data as { technique: { version: number } }).technique;
      expect(version).toBeGreaterThan(0);
      const answer = await post(
        writer.url,
        {
          query: `mutation { updateTechnique(input: { slug: "roller", version: ${version}, name: { en: "Skin roller" } }) { errors { code } } }`,
        },
        curator,
      );
      expect(answer.body.data).toEqual({ updateTechnique: { errors: [] } });
    } finally {
      writer.kill();
    }
    const { version } = (first.body.data as { technique: { version: number } }).technique;
    const after = await post(reader.url, query);
    expect(after.body.data).toEqual({ technique: { name: 'Skin roller', version: version + 1 } });
  });
});
