// Analyst exports on both engines: `npm run export`'s files hold what the GraphQL API answers
// (entities, links with citations, both languages, the overlap matrix), CSV and JSON agree, the
// files come from one snapshot, and GET /export/<name> serves the same bytes with ETags, read scope
// and a bound on concurrent downloads.
import { execFile } from 'node:child_process';
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { promisify } from 'node:util';
import { beforeAll, describe, expect, it } from 'vitest';
import { parseConfig } from '../../src/config.ts';
import { db, openSnapshot } from '../../src/db.ts';
import { writeExport } from '../../src/export/files.ts';
import { csvCell } from '../../src/export/formats.ts';
import { readTable, snapshotVersion } from '../../src/export/read.ts';
import { exportTable, exportTables, tableName } from '../../src/export/tables.ts';
import { exportReply, exportSlots } from '../../src/http/exports.ts';
import { entityKinds, linkKinds } from '../../src/model/kinds.ts';
import { parseCsv } from '../helpers/csv.ts';
import { data, gql, keyHeaders } from '../helpers/graphql.ts';
import { appsForFile, root } from '../helpers/server.ts';
import { tempDirsForFile } from '../helpers/tmp.ts';

const start = appsForFile({ LOG_LEVEL: 'silent', RESPONSE_CACHE: 'false' });
const tempDir = tempDirsForFile('export-');

const readJson = <T = Record<string, unknown>>(dir: string, name: string) =>
  JSON.parse(readFileSync(join(dir, `${name}.json`), 'utf8')) as T[];
const readCsv = (dir: string, name: string) => parseCsv(readFileSync(join(dir, `${name}.csv`), 'utf8'));

/** A mutation payload's user errors (undefined when the field is missing: the expectation fails). */
const payloadErrors = (answer: { data?: Record<string, unknown> }, field: string) =>
  (answer.data?.[field] as { errors?: unknown[] } | undefined)?.errors;

const CITE = '{ source: "prp-vampire-lift-clinic", section: "§18 Contre-indications" }';

let jsonDir: string;
let csvDir: string;
beforeAll(async () => {
  // A fact with every awkward character a CSV cell can hold, and a formula a spreadsheet would run.
  const curator = await keyHeaders('export-curator', 'write');
  const created = await gql(
    `mutation { createContraindication(input: { slug: "odd-text", name: { fr: "=SOMME(A1), « guillemets \\"doubles\\" »", en: "Line one\\nline two" }, category: ALLERGIC, citations: [${CITE}] }) { errors { code message } } }`,
    {},
    curator,
  );
  expect(created.errors ?? []).toEqual([]);
  expect(payloadErrors(created, 'createContraindication')).toEqual([]);
  const linked = await gql(
    `mutation { addTreatmentContraindication(input: { treatment: "mesolift", contraindication: "odd-text", severity: PRECAUTION, note: { en: "-1 is not a formula; only in English" }, citations: [${CITE}] }) { errors { code message } } }`,
    {},
    curator,
  );
  expect(payloadErrors(linked, 'addTreatmentContraindication')).toEqual([]);
  const englishOnly = await gql(
    `mutation { createTechnique(input: { slug: "english-only", name: { en: "Cannula" }, citations: [${CITE}] }) { errors { code message } } }`,
    {},
    curator,
  );
  expect(payloadErrors(englishOnly, 'createTechnique')).toEqual([]);
  jsonDir = tempDir();
  csvDir = tempDir();
  await writeExport(db, jsonDir, 'json');
  await writeExport(db, csvDir, 'csv');
});

describe('npm run export', () => {
  it('writes one file per entity kind and per link kind, citations and the overlap matrix, with a manifest', async () => {
    const manifest = JSON.parse(readFileSync(join(jsonDir, 'manifest.json'), 'utf8')) as {
      dataVersion: number;
      files: Array<{ name: string; file: string; rows: number; bytes: number }>;
    };
    const names = manifest.files.map((f) => f.name);
    for (const kind of entityKinds) expect(names).toContain(tableName(kind.model));
    for (const kind of linkKinds) expect(names).toContain(tableName(kind.joinModel));
    for (const name of ['citations', 'contraindication-overlaps', 'protocol-claims', 'regulatory-statuses'])
      expect(names).toContain(name);
    expect(readdirSync(csvDir).sort()).toEqual([...names.map((n) => `${n}.csv`), 'manifest.json'].sort());

    const { version } = await db.dataVersion.findUniqueOrThrow({ where: { id: 1 } });
    expect(manifest.dataVersion).toBe(version);
    // Every row of every table is there: the counts match the database's.
    const counts: Record<string, number> = {
      treatments: await db.treatment.count(),
      citations: await db.citation.count(),
      'treatment-contraindications': await db.treatmentContraindication.count(),
      'contraindication-overlaps': await db.contraindicationOverlap.count(),
      'source-sections': await db.sourceSection.count(),
    };
    for (const [name, count] of Object.entries(counts)) {
      const file = manifest.files.find((f) => f.name === name);
      expect(file?.rows, name).toBe(count);
      expect(readJson(jsonDir, name)).toHaveLength(count);
      expect(readCsv(csvDir, name)).toHaveLength(count);
      expect(file?.bytes).toBe(readFileSync(join(jsonDir, `${name}.json`)).length);
    }
  });

  it('holds the treatments as GraphQL answers them, in both languages, with their citations', async () => {
    const answer = await data<{
      treatments: {
        nodes: Array<{
          slug: string;
          fr: string;
          en: string;
          summaryFr: string;
          version: number;
          updatedAt: string;
          citations: Array<{ source: { slug: string }; locator: string; note: string | null }>;
        }>;
      };
    }>(
      '{ treatments(first: 100) { nodes { slug fr: name(locale: FR) en: name(locale: EN) summaryFr: summary(locale: FR) version updatedAt citations { source { slug } locator note } } } }',
    );
    const exported = readJson<{
      slug: string;
      name: { fr: string; en: string | null };
      summary: { fr: string };
      version: number;
      updatedAt: string;
      citations: Array<{ source: string; locator: string; note: string | null }>;
    }>(jsonDir, 'treatments');
    expect(exported.map((t) => t.slug).sort()).toEqual(answer.treatments.nodes.map((t) => t.slug).sort());
    for (const node of answer.treatments.nodes) {
      const row = exported.find((t) => t.slug === node.slug);
      expect(row).toMatchObject({
        name: { fr: node.fr },
        summary: { fr: node.summaryFr },
        version: node.version,
        updatedAt: node.updatedAt,
      });
      expect(row?.name.en ?? row?.name.fr).toBe(node.en);
      const cited = (list: Array<{ source: string; locator: string; note: string | null }>) =>
        list.map((c) => `${c.source}|${c.locator}|${c.note}`).sort();
      expect(cited(row?.citations ?? [])).toEqual(
        cited(node.citations.map((c) => ({ source: c.source.slug, locator: c.locator, note: c.note }))),
      );
    }
  });

  it('holds every contraindication link as GraphQL answers it: severity, notes, cited sections and their severities', async () => {
    const answer = await data<{
      treatments: {
        nodes: Array<{
          slug: string;
          contraindications: {
            edges: Array<{
              severity: string;
              noteFr: string | null;
              node: { slug: string };
              citations: Array<{ source: { slug: string }; locator: string; severity: string | null }>;
            }>;
          };
        }>;
      };
    }>(
      '{ treatments(first: 100) { nodes { slug contraindications(first: 100) { edges { severity noteFr: note(locale: FR) node { slug } citations { source { slug } locator severity } } } } } }',
    );
    const fromApi = answer.treatments.nodes.flatMap((t) =>
      t.contraindications.edges.map((e) => ({
        key: `${t.slug}/${e.node.slug}`,
        severity: e.severity,
        citations: e.citations.map((c) => `${c.source.slug}|${c.locator}|${c.severity}`).sort(),
      })),
    );
    const rows = readJson<{
      treatment: string;
      contraindication: string;
      severity: string;
      note: { fr: string | null; en: string | null };
      citations: Array<{ source: string; locator: string; severity: string | null }>;
    }>(jsonDir, 'treatment-contraindications');
    const fromExport = rows.map((r) => ({
      key: `${r.treatment}/${r.contraindication}`,
      severity: r.severity,
      citations: r.citations.map((c) => `${c.source}|${c.locator}|${c.severity}`).sort(),
    }));
    const byKey = (a: { key: string }, b: { key: string }) => a.key.localeCompare(b.key);
    expect(fromExport.sort(byKey)).toEqual(fromApi.sort(byKey));
    // The English-only note stays English-only in the file (no fallback copied in).
    expect(rows.find((r) => r.contraindication === 'odd-text')?.note).toEqual({
      fr: null,
      en: '-1 is not a formula; only in English',
    });
  });

  it('writes the overlap matrix as GraphQL ranks it: shared count and Jaccard for each pair', async () => {
    const answer = await data<{
      contraindicationOverlaps: {
        nodes: Array<{
          treatmentA: { slug: string };
          treatmentB: { slug: string };
          sharedCount: number;
          jaccard: number;
        }>;
      };
    }>(
      '{ contraindicationOverlaps(first: 100) { nodes { treatmentA { slug } treatmentB { slug } sharedCount jaccard } } }',
    );
    const pair = (a: string, b: string) => [a, b].sort().join(' × ');
    const fromApi = new Map(
      answer.contraindicationOverlaps.nodes.map((n) => [
        pair(n.treatmentA.slug, n.treatmentB.slug),
        [n.sharedCount, n.jaccard],
      ]),
    );
    const rows = readCsv(csvDir, 'contraindication-overlaps');
    expect(rows.length).toBe(fromApi.size);
    for (const r of rows) {
      expect(fromApi.get(pair(r.treatmentA as string, r.treatmentB as string))).toEqual([
        Number(r.shared),
        Number(r.jaccard),
      ]);
    }
  });

  it('writes the same rows as CSV and JSON, one column per language, and quotes what a cell needs quoted', () => {
    for (const name of ['contraindications', 'treatment-contraindications', 'protocol-claims']) {
      const table = exportTable(name);
      const csv = readCsv(csvDir, name);
      const json = readJson(jsonDir, name);
      expect(csv).toHaveLength(json.length);
      json.forEach((row, i) => {
        for (const column of table?.columns ?? []) {
          const value = column.localized
            ? (row[column.localized.stem] as Record<string, unknown>)[column.localized.locale]
            : row[column.name];
          expect(csv[i]?.[column.name], `${name} row ${i} ${column.name}`).toBe(
            csvCell(value).replace(/^"|"$/g, '').replace(/""/g, '"'),
          );
        }
      });
    }
    const odd = readCsv(csvDir, 'contraindications').find((r) => r.slug === 'odd-text');
    // A cell that would start a formula is prefixed with ' (OWASP); commas, quotes and a line break survive quoting.
    expect(odd?.nameFr).toBe(`'=SOMME(A1), « guillemets "doubles" »`);
    expect(odd?.nameEn).toBe('Line one\nline two');
    // A text given only in English has no French in the files (the database stores '' for it).
    expect(readJson(jsonDir, 'techniques').find((t) => t.slug === 'english-only')?.name).toEqual({
      fr: null,
      en: 'Cannula',
    });
    expect(readCsv(csvDir, 'techniques').find((t) => t.slug === 'english-only')).toMatchObject({
      nameFr: '',
      nameEn: 'Cannula',
    });
    const link = readCsv(csvDir, 'treatment-contraindications').find(
      (r) => r.contraindication === 'odd-text',
    );
    expect(link).toMatchObject({ noteFr: '', noteEn: "'-1 is not a formula; only in English" });
    expect(link?.citations).toBe('prp-vampire-lift-clinic: §18 Contre-indications');
  });

  it('reads one snapshot: a write made while an export runs is not in it', async () => {
    const snapshot = await openSnapshot(db);
    try {
      const before = await snapshotVersion(snapshot.read);
      const rows = async () => {
        const out = [];
        for await (const page of readTable(
          snapshot.read,
          exportTable('treatments') as NonNullable<ReturnType<typeof exportTable>>,
        ))
          out.push(...page);
        return out;
      };
      const first = await rows();
      const curator = await keyHeaders('export-snapshot', 'write');
      const version = (
        await data<{ treatment: { version: number } }>('{ treatment(slug: "microfilling") { version } }')
      ).treatment.version;
      const updated = await gql(
        `mutation { updateTreatment(input: { slug: "microfilling", version: ${version}, summary: { en: "Changed while exporting." } }) { errors { code } } }`,
        {},
        curator,
      );
      expect(payloadErrors(updated, 'updateTreatment')).toEqual([]);
      expect(await snapshotVersion(snapshot.read)).toBe(before);
      expect(await rows()).toEqual(first);
    } finally {
      await snapshot.close();
    }
  });

  it('pages through any table the same whatever the page size (keyset paging, composite keys included)', async () => {
    const snapshot = await openSnapshot(db);
    try {
      for (const table of exportTables) {
        const all = async (size: number) => {
          const out = [];
          for await (const page of readTable(snapshot.read, table, size)) out.push(...page);
          return out;
        };
        expect(await all(2), table.name).toEqual(await all(10_000));
      }
    } finally {
      await snapshot.close();
    }
  });

  it('refuses bad arguments with a clear message and exit code 2', async () => {
    const run = promisify(execFile);
    const failure = await run(process.execPath, ['--import', 'tsx', 'scripts/export.ts', '--format', 'xml'], {
      cwd: root,
    }).then(
      () => undefined,
      (e: { code: number; stderr: string }) => e,
    );
    expect(failure?.code).toBe(2);
    expect(failure?.stderr).toMatch(/--format must be csv, json or seed \(got "xml"\)/);
  });
});

describe('GET /export/<name>', () => {
  it('serves the same bytes as the CLI, with an ETag that turns into 304 until the knowledge changes', async () => {
    const server = await start();
    // fetch asks for gzip by default; identity first, to compare bytes.
    const identity = { 'accept-encoding': 'identity' };
    const first = await fetch(`${server.url}/export/treatment-contraindications.csv`, { headers: identity });
    expect(first.status).toBe(200);
    expect(first.headers.get('content-type')).toMatch(/^text\/csv; charset=utf-8/);
    expect(first.headers.get('content-disposition')).toBe(
      'attachment; filename="treatment-contraindications.csv"',
    );
    const etag = first.headers.get('etag') as string;
    const text = await first.text();
    // The CLI's file was written before the snapshot test's write; compare with a fresh one.
    const dir = tempDir();
    await writeExport(db, dir, 'csv', [
      exportTable('treatment-contraindications') as NonNullable<ReturnType<typeof exportTable>>,
    ]);
    expect(text).toBe(readFileSync(join(dir, 'treatment-contraindications.csv'), 'utf8'));

    const again = await fetch(`${server.url}/export/treatment-contraindications.csv`, {
      headers: { ...identity, 'if-none-match': etag },
    });
    expect(again.status).toBe(304);
    expect(await again.text()).toBe('');

    const gz = await fetch(`${server.url}/export/treatment-contraindications.csv`, {
      headers: { 'accept-encoding': 'gzip' },
    });
    expect(gz.headers.get('etag')).not.toBe(etag);
    // fetch decodes gzip itself; the header says it was sent compressed.
    expect(gz.headers.get('content-encoding')).toBe('gzip');
    expect(await gz.text()).toBe(text);

    const curator = await keyHeaders('export-etag', 'write');
    const { version } = await db.treatment.findUniqueOrThrow({ where: { slug: 'mesolift' } });
    const removed = await gql(
      `mutation { removeTreatmentContraindication(input: { treatment: "mesolift", contraindication: "odd-text", version: ${version} }) { errors { code message } } }`,
      {},
      curator,
    );
    expect(payloadErrors(removed, 'removeTreatmentContraindication')).toEqual([]);
    const changed = await fetch(`${server.url}/export/treatment-contraindications.csv`, {
      headers: { ...identity, 'if-none-match': etag },
    });
    expect(changed.status).toBe(200);
    expect(changed.headers.get('etag')).not.toBe(etag);
    expect(await changed.text()).not.toMatch(/odd-text/);
  });

  it('serves JSON and an index of every export', async () => {
    const server = await start();
    const index = (await (await fetch(`${server.url}/export`)).json()) as {
      exports: Array<{ name: string; csv: string; json: string }>;
    };
    expect(index.exports.map((e) => e.name)).toEqual(exportTables.map((t) => t.name));
    const json = await fetch(`${server.url}${index.exports.find((e) => e.name === 'techniques')?.json}`);
    expect(json.headers.get('content-type')).toBe('application/json; charset=utf-8');
    const techniques = (await json.json()) as Array<{ slug: string; name: { fr: string } }>;
    expect(techniques.map((t) => t.slug).sort()).toEqual(
      (await db.technique.findMany({ select: { slug: true } })).map((t) => t.slug).sort(),
    );
  });

  it('answers unknown names, formats and methods with a clear error', async () => {
    const server = await start();
    const unknown = await fetch(`${server.url}/export/treatmentz.csv`);
    expect(unknown.status).toBe(404);
    expect(((await unknown.json()) as { errors: Array<{ message: string }> }).errors[0]?.message).toMatch(
      /No export at \/export\/treatmentz\.csv.*listed at \/export/,
    );
    expect((await fetch(`${server.url}/export/treatments.xml`)).status).toBe(404);
    const post = await fetch(`${server.url}/export/treatments.csv`, { method: 'POST' });
    expect(post.status).toBe(405);
    expect(post.headers.get('allow')).toBe('GET, HEAD');
  });

  it('needs the read scope: a key when the API requires one', async () => {
    const server = await start({ REQUIRE_API_KEY: 'true' });
    const anonymous = await fetch(`${server.url}/export/treatments.csv`);
    expect(anonymous.status).toBe(401);
    const reader = await keyHeaders('export-reader');
    expect((await fetch(`${server.url}/export/treatments.csv`, { headers: reader })).status).toBe(200);
    const off = await start({ EXPORT_CONCURRENCY: '0' });
    const refused = await fetch(`${off.url}/export/treatments.csv`);
    expect(refused.status).toBe(404);
    expect(await refused.text()).toMatch(/turned off.*EXPORT_CONCURRENCY=0/);
  });

  it('serves at most EXPORT_CONCURRENCY downloads at once; the slot comes back when one ends', async () => {
    const config = parseConfig({ ...process.env, EXPORT_CONCURRENCY: '1' });
    const request = { method: 'GET', path: '/export/treatments.csv', headers: {} };
    const slots = exportSlots();
    const held = await exportReply(db, config, slots, request);
    const busy = await exportReply(db, config, slots, request).then(
      () => undefined,
      (e: { extensions: Record<string, unknown> }) => e,
    );
    expect(busy?.extensions).toMatchObject({ code: 'EXPORTS_BUSY', limit: 1, http: { status: 429 } });
    held.release?.();
    const next = await exportReply(db, config, slots, request);
    // Reading the body to its end closes its snapshot; the slot is then given back.
    const chunks: Uint8Array[] = [];
    for await (const chunk of next.stream ?? []) chunks.push(chunk);
    next.release?.();
    expect(Buffer.concat(chunks).toString('utf8')).toMatch(/^slug,nameFr,/);
  });
});
