// The database written back in the seed format (seed/FORMAT.md), so changes curated through the
// API can be reviewed and committed as seed data: loading the output into an empty database gives
// the same answers (tests/seed/round-trip.test.ts). Entries keep the seed's order where the
// database keeps it: sections by position, everything else by id (the seed writer creates rows in
// file order, curation appends). What the database does not hold is not recovered: the files'
// comments and hand layout, and a citation `severity` equal to its link's (the minimal form).
import { mkdirSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { Document, isMap, isScalar, isSeq, visit } from 'yaml';
import type { Db } from '../src/db.ts';
import {
  type LinkKind,
  linkKinds,
  ownerColumn,
  treatmentLinkKinds,
  vocabularyKinds,
} from '../src/model/kinds.ts';
import { delegate, type Row, type Tx } from '../src/write/rows.ts';

type Entry = { [field: string]: unknown };

/** Facts known by their key within a treatment: seed field, model and fields in FORMAT.md's order. */
const keyedFacts = [
  { field: 'protocol', model: 'ProtocolClaim', fields: ['key', 'kind', 'text', 'min', 'max', 'unit'] },
  { field: 'limitations', model: 'Limitation', fields: ['key', 'text'] },
  { field: 'settings', model: 'TreatmentSetting', fields: ['key', 'setting', 'allowed', 'text'] },
  { field: 'anaesthesia', model: 'AnaesthesiaOption', fields: ['key', 'kind', 'text'] },
] as const;

/** `{ fr, en }` from `<prefix>Fr`/`<prefix>En`: '' is how a NOT NULL French column says "English only". */
function localized(row: Row, prefix: string): Entry | undefined {
  const out: Entry = {};
  for (const [locale, suffix] of [
    ['fr', 'Fr'],
    ['en', 'En'],
  ] as const) {
    const value = row[`${prefix}${suffix}`];
    if (typeof value === 'string' && value !== '') out[locale] = value;
  }
  return Object.keys(out).length > 0 ? out : undefined;
}

/** The seed fields of a row in the order given: localized pairs by prefix, others as is; nulls left out. */
function pick(row: Row, fields: readonly string[]): Entry {
  const out: Entry = {};
  for (const field of fields) {
    const value = `${field}Fr` in row ? localized(row, field) : row[field];
    if (value !== null && value !== undefined) out[field] = value;
  }
  return out;
}

/** A link kind's data columns as seed fields: `severity`, `noteFr`/`noteEn` → `note`. */
const dataFields = (kind: LinkKind) => [...new Set(kind.dataColumns.map((c) => c.replace(/(Fr|En)$/, '')))];

/** Puts `list` under `field` unless it is empty (the seed's lists default to empty). */
function withList(entry: Entry, field: string, list: unknown[]): void {
  if (list.length > 0) entry[field] = list;
}

/** Every citation in the seed's form, by the fact it supports (its one owner column). */
class Citations {
  private readonly byOwner = new Map<string, Row[]>();

  constructor(
    rows: Row[],
    columns: string[],
    private readonly sources: Map<unknown, unknown>,
    private readonly sections: Map<unknown, unknown>,
  ) {
    for (const row of rows) {
      const column = columns.find((c) => row[c] !== null);
      // A fact the seed format cannot hold would be dropped silently: refuse instead.
      if (!column) throw new Error(`seed export: citation ${row.key} supports no fact the seed format knows`);
      const key = `${column}|${row[column]}`;
      this.byOwner.set(key, [...(this.byOwner.get(key) ?? []), row]);
    }
  }

  /** A fact's citations; on a contraindication link, a severity only where it differs from the link's. */
  of(column: string, id: unknown, linkSeverity: unknown = null): Entry[] {
    return (this.byOwner.get(`${column}|${id}`) ?? []).map((c) => ({
      source: this.sources.get(c.sourceId),
      locator: this.sections.get(c.sectionId),
      ...(c.note !== null ? { note: c.note } : {}),
      ...(c.severity !== null && c.severity !== linkSeverity ? { severity: c.severity } : {}),
    }));
  }
}

async function readTables(tx: Tx) {
  const all = (model: string) => delegate(tx, model).findMany({ orderBy: { id: 'asc' } });
  const links = new Map<string, Row[]>();
  for (const kind of linkKinds) links.set(kind.delegate, await all(kind.delegate));
  const keyed = new Map<string, Row[]>();
  for (const fact of keyedFacts) keyed.set(fact.model, await all(fact.model));
  const vocabulary = new Map<string, Row[]>();
  for (const kind of vocabularyKinds) vocabulary.set(kind.model, await all(kind.model));
  return {
    sources: await all('Source'),
    sections: await delegate(tx, 'SourceSection').findMany({ orderBy: [{ position: 'asc' }, { id: 'asc' }] }),
    jurisdictions: await all('Jurisdiction'),
    authorities: await all('Authority'),
    codes: await all('TerminologyCode'),
    treatments: await all('Treatment'),
    aliases: await all('TreatmentAlias'),
    statuses: await all('RegulatoryStatus'),
    citations: await all('Citation'),
    vocabulary,
    links,
    keyed,
  };
}

/** Groups rows by a column's value, keeping their order. */
function groupBy(rows: Row[], column: string): Map<unknown, Row[]> {
  const groups = new Map<unknown, Row[]>();
  for (const row of rows) groups.set(row[column], [...(groups.get(row[column]) ?? []), row]);
  return groups;
}

/** Id → a column's value (a slug, a code). */
const idTo = (rows: Row[], column: string) => new Map<unknown, unknown>(rows.map((r) => [r.id, r[column]]));

/** The seed files of the database's content, by relative path, as plain data. */
async function seedEntries(db: Db): Promise<Map<string, unknown>> {
  // One consistent view across the reads: a snapshot on PostgreSQL (the writers run at READ
  // COMMITTED, so a reading SERIALIZABLE transaction is never a serialization victim), one read
  // transaction on SQLite (the level the adapter takes).
  const t = await db.$transaction((tx) => readTables(tx), {
    timeout: 120_000,
    isolationLevel: 'Serializable',
  });
  const owners = [
    ownerColumn('Treatment'),
    ownerColumn('TreatmentAlias'),
    ownerColumn('Authority'),
    ownerColumn('RegulatoryStatus'),
    ...vocabularyKinds.map((k) => k.citationColumn),
    ...linkKinds.map((k) => k.citationColumn),
    ...keyedFacts.map((f) => ownerColumn(f.model)),
  ];
  const cite = new Citations(t.citations, owners, idTo(t.sources, 'slug'), idTo(t.sections, 'locator'));
  const jurisdictionCodes = idTo(t.jurisdictions, 'code');
  const files = new Map<string, unknown>();

  const sectionsOf = groupBy(t.sections, 'sourceId');
  files.set(
    'sources.yaml',
    t.sources.map((s) => ({
      ...pick(s, ['slug']),
      file: s.fileName,
      ...pick(s, ['title', 'language', 'kind']),
      // A date in the document: its UTC day, as the seed writes it.
      ...(s.lastUpdated instanceof Date ? { lastUpdated: s.lastUpdated.toISOString().slice(0, 10) } : {}),
      sections: (sectionsOf.get(s.id) ?? []).map((x) => x.locator),
    })),
  );
  files.set(
    'jurisdictions.yaml',
    t.jurisdictions.map((j) => pick(j, ['code', 'name'])),
  );
  files.set(
    'authorities.yaml',
    t.authorities.map((a) => ({
      ...pick(a, ['slug', 'name', 'acronym']),
      jurisdiction: jurisdictionCodes.get(a.jurisdictionId),
      citations: cite.of(ownerColumn('Authority'), a.id),
    })),
  );

  const slugs = new Map<string, Map<unknown, unknown>>();
  for (const kind of vocabularyKinds) {
    const rows = t.vocabulary.get(kind.model) ?? [];
    slugs.set(kind.model, idTo(rows, 'slug'));
    const codesOf = kind.codes
      ? groupBy(t.codes, ownerColumn(kind.model, 'TerminologyCode'))
      : new Map<unknown, Row[]>();
    files.set(
      `vocabulary/${kind.seedFile}.yaml`,
      rows.map((v) => {
        const entry = pick(v, ['slug', 'name', 'description', 'category']);
        withList(
          entry,
          'codes',
          (codesOf.get(v.id) ?? []).map((c) => pick(c, ['system', 'code', 'display'])),
        );
        entry.citations = cite.of(kind.citationColumn, v.id);
        return entry;
      }),
    );
  }
  slugs.set('Treatment', idTo(t.treatments, 'slug'));

  const linksOf = new Map(
    linkKinds.map((k) => [k.delegate, groupBy(t.links.get(k.delegate) ?? [], k.treatmentColumn)]),
  );
  const keyedOf = new Map(
    keyedFacts.map((f) => [f.model, groupBy(t.keyed.get(f.model) ?? [], 'treatmentId')]),
  );
  const aliasesOf = groupBy(t.aliases, 'treatmentId');
  const statusesOf = groupBy(t.statuses, 'treatmentId');
  const authoritySlugs = idTo(t.authorities, 'slug');
  for (const treatment of t.treatments) {
    const { id } = treatment;
    const entry: Entry = {
      ...pick(treatment, ['slug', 'name', 'summary', 'mechanism']),
      citations: cite.of(ownerColumn('Treatment'), id),
    };
    withList(
      entry,
      'aliases',
      (aliasesOf.get(id) ?? []).map((a) => ({
        value: a.value,
        locale: String(a.locale).toLowerCase(),
        citations: cite.of(ownerColumn('TreatmentAlias'), a.id),
      })),
    );
    // Treatment-to-treatment links first, then the vocabularies', in the registry's order.
    for (const kind of [...treatmentLinkKinds, ...vocabularyKinds.map((k) => k.link)]) {
      const nodeField = kind.nodeModel === 'Treatment' ? 'treatment' : 'slug';
      const rows = linksOf.get(kind.delegate)?.get(id) ?? [];
      withList(
        entry,
        kind.field,
        rows.map((r) => ({
          [nodeField]: slugs.get(kind.nodeModel)?.get(r[kind.nodeColumn]),
          ...pick(r, dataFields(kind)),
          citations: cite.of(kind.citationColumn, r.id, r.severity),
        })),
      );
    }
    for (const fact of keyedFacts) {
      const rows = keyedOf.get(fact.model)?.get(id) ?? [];
      withList(
        entry,
        fact.field,
        rows.map((r) => ({ ...pick(r, fact.fields), citations: cite.of(ownerColumn(fact.model), r.id) })),
      );
    }
    withList(
      entry,
      'regulatoryStatuses',
      (statusesOf.get(id) ?? []).map((r) => ({
        jurisdiction: jurisdictionCodes.get(r.jurisdictionId),
        status: r.status,
        ...(r.authorityId !== null ? { authority: authoritySlugs.get(r.authorityId) } : {}),
        ...pick(r, ['reason', 'settingRestrictions']),
        citations: cite.of(ownerColumn('RegulatoryStatus'), r.id),
      })),
    );
    files.set(`treatments/${treatment.slug}.yaml`, entry);
  }
  return files;
}

/** Keys whose values are prose (double-quoted, like the hand-written files); identifiers stay plain. */
const prose = new Set(['fr', 'en', 'title', 'locator', 'note', 'display', 'value']);

/** Longest line a one-line `{ fr, en }` may make (the formatter's width). */
const LINE_WIDTH = 100;
/** Short labels, on one line when they fit (and a vocabulary entry's name); other texts are prose. */
const labels = new Set(['frequency', 'typicalDuration']);

/**
 * One file as YAML, laid out like the hand-written files and for reviewing diffs: prose one
 * language per line, labels on one line when they fit; each citation and code on one line; a blank
 * line between the entries of a list file; no folding.
 */
function toYaml(value: unknown, oneLineNames: boolean): string {
  const doc = new Document(value);
  visit(doc, {
    Map(_, node) {
      const keys = node.items.map((p) => (isScalar(p.key) ? p.key.value : undefined));
      if (keys.includes('locator') || keys.includes('system')) node.flow = true;
    },
    Pair(_, pair, path) {
      if (isScalar(pair.key) && prose.has(String(pair.key.value)) && isScalar(pair.value))
        pair.value.type = 'QUOTE_DOUBLE';
      const key = isScalar(pair.key) ? String(pair.key.value) : '';
      if ((labels.has(key) || (oneLineNames && key === 'name')) && isMap(pair.value)) {
        const indent = 2 * (path.filter((n) => isMap(n) || isSeq(n)).length - 1);
        const texts = pair.value.items.map((p) => `${p.key}: ${JSON.stringify(String(p.value))}`);
        if (indent + `${key}: { ${texts.join(', ')} }`.length <= LINE_WIDTH) pair.value.flow = true;
      }
      if (isScalar(pair.key) && pair.key.value === 'sections' && isSeq(pair.value)) {
        for (const item of pair.value.items) if (isScalar(item)) item.type = 'QUOTE_DOUBLE';
      }
    },
  });
  if (isSeq(doc.contents)) {
    doc.contents.items.forEach((item, i) => {
      if (i > 0 && isMap(item)) item.spaceBefore = true;
    });
  }
  return doc.toString({ lineWidth: 0 });
}

/** The seed files of the database: relative path (`treatments/prp-injection.yaml`) → YAML text. */
export async function exportSeed(db: Db): Promise<Map<string, string>> {
  const files = new Map<string, string>();
  for (const [path, value] of await seedEntries(db))
    files.set(path, toYaml(value, path.startsWith('vocabulary/')));
  return files;
}

/**
 * Writes the seed files under `dir` (as `seed/data` is laid out). A treatment file the database no
 * longer holds is removed, so exporting over `seed/data` after a deletion does not bring it back.
 */
export async function writeSeedFiles(
  db: Db,
  dir: string,
): Promise<{ files: number; bytes: number; removed: number }> {
  const files = await exportSeed(db);
  mkdirSync(join(dir, 'vocabulary'), { recursive: true });
  mkdirSync(join(dir, 'treatments'), { recursive: true });
  let removed = 0;
  for (const name of readdirSync(join(dir, 'treatments'))) {
    if (name.endsWith('.yaml') && !files.has(`treatments/${name}`)) {
      rmSync(join(dir, 'treatments', name));
      removed++;
    }
  }
  let bytes = 0;
  for (const [path, text] of files) {
    writeFileSync(join(dir, path), text);
    bytes += Buffer.byteLength(text);
  }
  return { files: files.size, bytes, removed };
}
