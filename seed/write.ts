// Writes validated seed data (seed/validate.ts) as one unit of work (src/write) by the actor
// `seed`: sources and their sections, entities, then their links, then every citation, then
// removes what the seed no longer holds. Versions, search text, overlap pairs, the change log and
// the audit trail follow from the unit of work; a seed that changes nothing writes nothing.

import type { Db } from '../src/db.ts';
import { type WriteOptions, type Writer, write } from '../src/write/unitOfWork.ts';
import type { CitationInput, Localized, TreatmentInput } from './schema.ts';
import { type Row, type SyncStats, TableSync } from './sync.ts';
import type { SeedData } from './validate.ts';

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

export const SEED_ACTOR = 'seed';

export async function writeSeed(db: Db, data: SeedData, options: WriteOptions = {}): Promise<SyncStats> {
  const result = await write(db, SEED_ACTOR, (w) => writeAll(w, data), { timeout: 120_000, ...options });
  return result.value;
}

async function writeAll(w: Writer, data: SeedData): Promise<SyncStats> {
  const s = new TableSync(w);
  const pending: PendingCitations[] = [];
  const cite = (column: string, ownerName: string, ownerKey: string, list: CitationInput[]) =>
    pending.push({ column, ownerName, ownerKey, list });

  const sourceIds = await s.sync(
    'source',
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
  const sectionIds = await s.sync(
    'sourceSection',
    data.sources.flatMap((x) =>
      x.sections.map((locator, i) => ({
        sourceId: sourceIds.get(x.slug) as number,
        locator,
        position: i + 1,
      })),
    ),
    ['sourceId', 'locator'],
  );
  const jurisdictionIds = await s.sync(
    'jurisdiction',
    data.jurisdictions.map((j) => ({ code: j.code, ...loc('name', j.name) })),
    ['code'],
  );
  const authorityIds = await s.sync(
    'authority',
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
      model,
      items.map((v) => ({
        slug: v.slug,
        ...loc('name', v.name),
        ...loc('description', v.description),
        ...(v.category ? { category: v.category } : {}),
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
  await s.sync('terminologyCode', codes, ['key']);

  const treatmentIds = await s.sync(
    'treatment',
    data.treatments.map((t) => ({
      slug: t.slug,
      ...loc('name', t.name),
      ...loc('summary', t.summary),
      ...loc('mechanism', t.mechanism),
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
      model,
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
    p.list.map((c) => {
      const sourceId = sourceIds.get(c.source) as number;
      const separator = p.ownerName.indexOf(':');
      return {
        key: `${p.ownerName}|${c.source}|${c.locator}`,
        sourceId,
        sectionId: sectionIds.get(`${sourceId}|${c.locator}`) as number,
        claimType: p.ownerName.slice(0, separator),
        claimSubject: p.ownerName.slice(separator + 1),
        note: c.note ?? null,
        [p.column]: ownerIds[p.column]?.get(p.ownerKey) as number,
      };
    }),
  );
  await s.sync('citation', citationRows, ['key']);
  await s.deleteStale();
  return s.stats;
}
