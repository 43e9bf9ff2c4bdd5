// Writes validated seed data (seed/validate.ts) in one transaction: entities, then their links,
// then every citation, then removes what the seed no longer holds.

import { bumpDataVersion } from '../src/cache/dataVersion.ts';
import type { Db } from '../src/db.ts';
import { refreshOverlapStatements } from '../src/resolvers/overlapTable.ts';
import { foldAll } from '../src/resolvers/text.ts';
import type { CitationInput, Localized, TreatmentInput } from './schema.ts';
import { type Delegate, type Row, type SyncStats, TableSync } from './sync.ts';
import type { SeedData } from './validate.ts';

type Tx = Parameters<Parameters<Db['$transaction']>[0]>[0];

const loc = (prefix: string, value: Localized | undefined): Row => ({
  [`${prefix}Fr`]: value?.fr ?? null,
  [`${prefix}En`]: value?.en ?? null,
});

interface PendingCitations {
  column: string;
  ownerKey: string;
  ownerName: string;
  list: CitationInput[];
}

/** Vocabulary file → Prisma delegate name and the citation/code owner column. */
const vocabularyTables = {
  techniques: { model: 'technique', column: 'techniqueId' },
  'active-ingredients': { model: 'activeIngredient', column: 'activeIngredientId' },
  indications: { model: 'indication', column: 'indicationId' },
  contraindications: { model: 'contraindication', column: 'contraindicationId' },
  'side-effects': { model: 'sideEffect', column: 'sideEffectId' },
  'body-areas': { model: 'bodyArea', column: 'bodyAreaId' },
} as const;

/** Treatment field → join table, the vocabulary it points at and its citation owner column. */
const linkTables = [
  {
    field: 'techniques',
    model: 'treatmentTechnique',
    fk: 'techniqueId',
    vocab: 'techniques',
    column: 'treatmentTechniqueId',
  },
  {
    field: 'activeIngredients',
    model: 'treatmentActiveIngredient',
    fk: 'activeIngredientId',
    vocab: 'active-ingredients',
    column: 'treatmentActiveIngredientId',
  },
  {
    field: 'indications',
    model: 'treatmentIndication',
    fk: 'indicationId',
    vocab: 'indications',
    column: 'treatmentIndicationId',
  },
  {
    field: 'contraindications',
    model: 'treatmentContraindication',
    fk: 'contraindicationId',
    vocab: 'contraindications',
    column: 'treatmentContraindicationId',
  },
  {
    field: 'sideEffects',
    model: 'treatmentSideEffect',
    fk: 'sideEffectId',
    vocab: 'side-effects',
    column: 'treatmentSideEffectId',
  },
  {
    field: 'bodyAreas',
    model: 'treatmentBodyArea',
    fk: 'bodyAreaId',
    vocab: 'body-areas',
    column: 'treatmentBodyAreaId',
  },
] as const;

type LinkEntry = TreatmentInput['sideEffects'][number] & Partial<{ severity: string }>;

export async function writeSeed(db: Db, data: SeedData): Promise<SyncStats> {
  return db.$transaction(async (tx) => writeAll(tx, data), { timeout: 120_000, maxWait: 30_000 });
}

async function writeAll(tx: Tx, data: SeedData): Promise<SyncStats> {
  const s = new TableSync();
  const table = (model: string) => (tx as unknown as Record<string, Delegate>)[model] as Delegate;
  const pending: PendingCitations[] = [];
  const cite = (column: string, ownerName: string, ownerKey: string, list: CitationInput[]) =>
    pending.push({ column, ownerName, ownerKey, list });

  const sourceIds = await s.sync(
    table('source'),
    data.sources.map((x) => ({
      slug: x.slug,
      title: x.title,
      language: x.language,
      kind: x.kind,
      fileName: x.file,
      lastUpdated: x.lastUpdated ?? null,
    })),
    ['slug'],
  );
  const jurisdictionIds = await s.sync(
    table('jurisdiction'),
    data.jurisdictions.map((j) => ({ code: j.code, ...loc('name', j.name) })),
    ['code'],
  );
  const authorityIds = await s.sync(
    table('authority'),
    data.authorities.map((a) => ({
      slug: a.slug,
      acronym: a.acronym ?? null,
      ...loc('name', a.name),
      jurisdictionId: jurisdictionIds.get(a.jurisdiction) as number,
    })),
    ['slug'],
  );
  for (const a of data.authorities) cite('authorityId', `authority:${a.slug}`, a.slug, a.citations);

  const vocabIds: Record<string, Map<string, number>> = {};
  const codes: Row[] = [];
  for (const [kind, { model, column }] of Object.entries(vocabularyTables)) {
    const items = data.vocabulary[kind as keyof typeof vocabularyTables];
    vocabIds[kind] = await s.sync(
      table(model),
      items.map((v) => ({
        slug: v.slug,
        ...loc('name', v.name),
        ...loc('description', v.description),
        ...(v.category ? { category: v.category } : {}),
        searchText: foldAll([v.name.fr, v.name.en, v.description?.fr, v.description?.en]),
      })),
      ['slug'],
    );
    for (const v of items) {
      cite(column, `${model}:${v.slug}`, v.slug, v.citations);
      for (const c of v.codes ?? []) {
        codes.push({
          key: `${model}:${v.slug}|${c.system}|${c.code}`,
          system: c.system,
          code: c.code,
          display: c.display,
          [column]: vocabIds[kind]?.get(v.slug) as number,
        });
      }
    }
  }
  await s.sync(table('terminologyCode'), codes, ['key']);

  const treatmentIds = await s.sync(
    table('treatment'),
    data.treatments.map((t) => ({
      slug: t.slug,
      ...loc('name', t.name),
      ...loc('summary', t.summary),
      ...loc('mechanism', t.mechanism),
      searchText: foldAll([
        t.name.fr,
        t.name.en,
        ...t.aliases.map((a) => a.value),
        t.summary.fr,
        t.summary.en,
      ]),
    })),
    ['slug'],
  );
  const tid = (slug: string) => treatmentIds.get(slug) as number;
  for (const t of data.treatments) cite('treatmentId', `treatment:${t.slug}`, t.slug, t.citations);

  const linkIds: Record<string, Map<string, number>> = {};
  async function links(
    model: string,
    column: string,
    keyFields: string[],
    entries: Array<{ row: Row; name: string; citations: CitationInput[] }>,
  ) {
    linkIds[model] = await s.sync(
      table(model),
      entries.map((e) => e.row),
      keyFields,
    );
    for (const e of entries) {
      cite(column, `${model}:${e.name}`, keyFields.map((f) => String(e.row[f])).join('|'), e.citations);
    }
  }

  const all = data.treatments;
  for (const spec of linkTables) {
    await links(
      spec.model,
      spec.column,
      ['treatmentId', spec.fk],
      all.flatMap((t) =>
        (t[spec.field] as LinkEntry[]).map((x) => ({
          name: `${t.slug}/${x.slug}`,
          citations: x.citations,
          row: {
            treatmentId: tid(t.slug),
            [spec.fk]: vocabIds[spec.vocab]?.get(x.slug) as number,
            ...loc('note', x.note),
            ...(spec.field === 'contraindications' ? { severity: x.severity as string } : {}),
            ...(spec.field === 'sideEffects'
              ? { ...loc('frequency', x.frequency), ...loc('typicalDuration', x.typicalDuration) }
              : {}),
          },
        })),
      ),
    );
  }
  await links(
    'treatmentAlias',
    'aliasId',
    ['treatmentId', 'value'],
    all.flatMap((t) =>
      t.aliases.map((a) => ({
        name: `${t.slug}/${a.value}`,
        citations: a.citations,
        row: { treatmentId: tid(t.slug), value: a.value, locale: a.locale.toUpperCase() },
      })),
    ),
  );
  await links(
    'treatmentComponent',
    'componentId',
    ['treatmentId', 'componentId'],
    all.flatMap((t) =>
      t.components.map((c) => ({
        name: `${t.slug}/${c.treatment}`,
        citations: c.citations,
        row: { treatmentId: tid(t.slug), componentId: tid(c.treatment) },
      })),
    ),
  );
  await links(
    'treatmentCombination',
    'combinationId',
    ['treatmentId', 'otherId'],
    all.flatMap((t) =>
      t.combinableWith.map((c) => ({
        name: `${t.slug}/${c.treatment}`,
        citations: c.citations,
        row: { treatmentId: tid(t.slug), otherId: tid(c.treatment), ...loc('note', c.note) },
      })),
    ),
  );
  await links(
    'protocolClaim',
    'protocolClaimId',
    ['treatmentId', 'key'],
    all.flatMap((t) =>
      t.protocol.map((p) => ({
        name: `${t.slug}/${p.key}`,
        citations: p.citations,
        row: {
          treatmentId: tid(t.slug),
          key: p.key,
          kind: p.kind,
          ...loc('text', p.text),
          min: p.min ?? null,
          max: p.max ?? null,
          unit: p.unit ?? null,
        },
      })),
    ),
  );
  await links(
    'limitation',
    'limitationId',
    ['treatmentId', 'key'],
    all.flatMap((t) =>
      t.limitations.map((l) => ({
        name: `${t.slug}/${l.key}`,
        citations: l.citations,
        row: { treatmentId: tid(t.slug), key: l.key, ...loc('text', l.text) },
      })),
    ),
  );
  await links(
    'treatmentSetting',
    'settingId',
    ['treatmentId', 'key'],
    all.flatMap((t) =>
      t.settings.map((x) => ({
        name: `${t.slug}/${x.key}`,
        citations: x.citations,
        row: {
          treatmentId: tid(t.slug),
          key: x.key,
          setting: x.setting,
          allowed: x.allowed,
          ...loc('text', x.text),
        },
      })),
    ),
  );
  await links(
    'anaesthesiaOption',
    'anaesthesiaOptionId',
    ['treatmentId', 'key'],
    all.flatMap((t) =>
      t.anaesthesia.map((x) => ({
        name: `${t.slug}/${x.key}`,
        citations: x.citations,
        row: { treatmentId: tid(t.slug), key: x.key, kind: x.kind, ...loc('text', x.text) },
      })),
    ),
  );
  await links(
    'regulatoryStatus',
    'regulatoryStatusId',
    ['treatmentId', 'jurisdictionId'],
    all.flatMap((t) =>
      t.regulatoryStatuses.map((r) => ({
        name: `${t.slug}/${r.jurisdiction}`,
        citations: r.citations,
        row: {
          treatmentId: tid(t.slug),
          jurisdictionId: jurisdictionIds.get(r.jurisdiction) as number,
          status: r.status,
          authorityId: r.authority ? (authorityIds.get(r.authority) as number) : null,
          ...loc('reason', r.reason),
          ...loc('settingRestrictions', r.settingRestrictions),
        },
      })),
    ),
  );

  const ownerIds: Record<string, Map<string, number>> = {
    authorityId: authorityIds,
    treatmentId: treatmentIds,
    ...Object.fromEntries(
      Object.entries(vocabularyTables).map(([kind, v]) => [v.column, vocabIds[kind] as Map<string, number>]),
    ),
    ...Object.fromEntries(
      [
        ...linkTables.map((l) => [l.column, l.model]),
        ['aliasId', 'treatmentAlias'],
        ['componentId', 'treatmentComponent'],
        ['combinationId', 'treatmentCombination'],
        ['protocolClaimId', 'protocolClaim'],
        ['limitationId', 'limitation'],
        ['settingId', 'treatmentSetting'],
        ['anaesthesiaOptionId', 'anaesthesiaOption'],
        ['regulatoryStatusId', 'regulatoryStatus'],
      ].map(([column, model]) => [column as string, linkIds[model as string] as Map<string, number>]),
    ),
  };
  const citationRows = pending.flatMap((p) =>
    p.list.map((c) => ({
      key: `${p.ownerName}|${c.source}|${c.locator}`,
      sourceId: sourceIds.get(c.source) as number,
      locator: c.locator,
      note: c.note ?? null,
      [p.column]: ownerIds[p.column]?.get(p.ownerKey) as number,
    })),
  );
  await s.sync(table('citation'), citationRows, ['key']);
  await s.deleteStale();
  // The pair table is derived from the contraindication links: rebuilt here, in the same
  // transaction, so it always agrees with the links this seed just wrote.
  for (const statement of refreshOverlapStatements) await tx.$executeRawUnsafe(statement);
  const { created, updated, deleted } = s.stats;
  if (created + updated + deleted > 0) await bumpDataVersion(tx);
  return s.stats;
}
