// Writes validated seed data (seed/validate.ts) as one unit of work (src/write) by the actor
// `seed`: sources and their sections, entities, then their links, then every citation, then
// removes what the seed no longer holds. Entities curated through the API since the seed last
// wrote them are left alone and reported (seed/curated.ts). Versions, search text, overlap pairs, the change log and
// the audit trail follow from the unit of work; a seed that changes nothing writes nothing.

import type { Db } from '../src/db.ts';
import { type LinkKind, ownerColumn, treatmentLinkKinds, vocabularyKinds } from '../src/model/kinds.ts';
import { localizedColumns } from '../src/write/curation/specs.ts';
import { type WriteOptions, type Writer, write } from '../src/write/unitOfWork.ts';
import { CuratedGuard, SEED_ACTOR } from './curated.ts';
import type { CitationInput, Localized } from './schema.ts';
import { type Row, type SyncStats, TableSync, type Value } from './sync.ts';
import type { SeedData } from './validate.ts';

/**
 * `name: { fr, en }` → `{ nameFr, nameEn }`. A required text has a NOT NULL French column: English
 * only, it gets '' there, as curation writes it.
 */
const loc = (prefix: string, value: Localized | undefined, required = false): Row =>
  localizedColumns(prefix, value, required);

interface PendingCitations {
  column: string;
  ownerKey: string;
  ownerName: string;
  list: CitationInput[];
}

type LinkInput = { slug: string; severity?: CitationInput['severity']; citations: CitationInput[] };

/** A contraindication link's citations each state a severity: their own, or else the link's. */
const citationsWithSeverity = (link: LinkInput): CitationInput[] =>
  link.severity
    ? link.citations.map((c) => ({ ...c, severity: c.severity ?? link.severity }))
    : link.citations;

/** A seed entry's value for a link's data column: `noteFr` ← `note.fr`, `severity` ← `severity`. */
function dataColumn(entry: Record<string, unknown>, column: string): Value {
  const localized = /^(.*)(Fr|En)$/.exec(column);
  if (localized) {
    const value = entry[localized[1] as string] as Localized | undefined;
    return (localized[2] === 'Fr' ? value?.fr : value?.en) ?? null;
  }
  return (entry[column] as Value | undefined) ?? null;
}

const dataOf = (entry: Record<string, unknown>, kind: LinkKind): Row =>
  Object.fromEntries(kind.dataColumns.map((c) => [c, dataColumn(entry, c)]));

export async function writeSeed(db: Db, data: SeedData, options: WriteOptions = {}): Promise<SyncStats> {
  const result = await write(db, SEED_ACTOR, (w) => writeAll(w, data), { timeout: 120_000, ...options });
  return result.value;
}

async function writeAll(w: Writer, data: SeedData): Promise<SyncStats> {
  const s = new TableSync(w, await CuratedGuard.load(w));
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
    data.jurisdictions.map((j) => ({ code: j.code, ...loc('name', j.name, true) })),
    ['code'],
  );
  const authorityIds = await s.sync(
    'authority',
    data.authorities.map((a) => ({
      slug: a.slug,
      acronym: a.acronym ?? null,
      ...loc('name', a.name, true),
      jurisdictionId: jurisdictionIds.get(a.jurisdiction) as number,
    })),
    ['slug'],
  );
  for (const a of data.authorities) cite('authorityId', `authority:${a.slug}`, a.slug, a.citations);

  // Ids by natural key, per Citation owner column: where each citation's owner is found.
  const ownerIds: Record<string, Map<string, number>> = {};
  const vocabIds: Record<string, Map<string, number>> = {};
  const codes: Row[] = [];
  for (const kind of vocabularyKinds) {
    const items = data.vocabulary[kind.seedFile];
    const model = kind.one;
    const column = kind.citationColumn;
    const ids = await s.sync(
      model,
      items.map((v) => ({
        slug: v.slug,
        ...loc('name', v.name, true),
        ...loc('description', v.description),
        ...(v.category ? { category: v.category } : {}),
      })),
      ['slug'],
    );
    vocabIds[kind.model] = ids;
    ownerIds[column] = ids;
    for (const v of items) {
      cite(column, `${model}:${v.slug}`, v.slug, v.citations);
      for (const c of v.codes ?? []) {
        codes.push({
          key: `${model}:${v.slug}|${c.system}|${c.code}`,
          system: c.system,
          code: c.code,
          display: c.display,
          [ownerColumn(kind.model, 'TerminologyCode')]: ids.get(v.slug) as number,
        });
      }
    }
  }
  await s.sync('terminologyCode', codes, ['key']);

  const treatmentIds = await s.sync(
    'treatment',
    data.treatments.map((t) => ({
      slug: t.slug,
      ...loc('name', t.name, true),
      ...loc('summary', t.summary, true),
      ...loc('mechanism', t.mechanism),
    })),
    ['slug'],
  );
  const tid = (slug: string) => treatmentIds.get(slug) as number;
  for (const t of data.treatments) cite('treatmentId', `treatment:${t.slug}`, t.slug, t.citations);

  async function links(
    model: string,
    column: string,
    keyFields: string[],
    entries: Array<{ row: Row; name: string; citations: CitationInput[] }>,
  ) {
    ownerIds[column] = await s.sync(
      model,
      entries.map((e) => e.row),
      keyFields,
    );
    for (const e of entries) {
      cite(column, `${model}:${e.name}`, keyFields.map((f) => String(e.row[f])).join('|'), e.citations);
    }
  }

  const all = data.treatments;
  // Links to vocabulary entries, then to other treatments: every kind of the registry.
  for (const kind of vocabularyKinds) {
    const spec = kind.link;
    await links(
      spec.delegate,
      spec.citationColumn,
      [spec.treatmentColumn, spec.nodeColumn],
      all.flatMap((t) =>
        (t[kind.many] as Array<LinkInput>).map((x) => ({
          name: `${t.slug}/${x.slug}`,
          citations: citationsWithSeverity(x),
          row: {
            [spec.treatmentColumn]: tid(t.slug),
            [spec.nodeColumn]: vocabIds[kind.model]?.get(x.slug) as number,
            ...dataOf(x, spec),
          },
        })),
      ),
    );
  }
  for (const spec of treatmentLinkKinds) {
    const field = spec.field as 'components' | 'combinableWith';
    await links(
      spec.delegate,
      spec.citationColumn,
      [spec.treatmentColumn, spec.nodeColumn],
      all.flatMap((t) =>
        t[field].map((c) => ({
          name: `${t.slug}/${c.treatment}`,
          citations: c.citations,
          row: {
            [spec.treatmentColumn]: tid(t.slug),
            [spec.nodeColumn]: tid(c.treatment),
            ...dataOf(c, spec),
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
          ...loc('text', p.text, true),
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
        row: { treatmentId: tid(t.slug), key: l.key, ...loc('text', l.text, true) },
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
          ...loc('text', x.text, true),
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
        row: { treatmentId: tid(t.slug), key: x.key, kind: x.kind, ...loc('text', x.text, true) },
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
          ...loc('reason', r.reason, true),
          ...loc('settingRestrictions', r.settingRestrictions),
        },
      })),
    ),
  );

  ownerIds[ownerColumn('Authority')] = authorityIds;
  ownerIds[ownerColumn('Treatment')] = treatmentIds;
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
        severity: c.severity ?? null,
        [p.column]: ownerIds[p.column]?.get(p.ownerKey) as number,
      };
    }),
  );
  await s.sync('citation', citationRows, ['key']);
  await s.deleteStale();
  return s.stats;
}
