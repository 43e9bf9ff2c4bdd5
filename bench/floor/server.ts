// The floor: plain node:http and hand-written SQL (better-sqlite3 or pg) answering the four
// benchmarked operations with the same JSON as the API. It is the practical limit of Node on that
// engine, not part of the product. Counts its statements in `x-sql-statements`.
import { createServer } from 'node:http';
import Database from 'better-sqlite3';
import pg from 'pg';
import { scoreCandidate } from '../../src/resolvers/search.ts';
import { foldText } from '../../src/resolvers/text.ts';

type Row = Record<string, unknown>;
type Query = (sql: string, params?: unknown[]) => Promise<Row[]>;

const url = process.env.DATABASE_URL ?? '';
const port = Number(process.env.PORT ?? 4500);

function connect(): Query {
  if (url.startsWith('file:')) {
    const sqlite = new Database(url.slice(5), { readonly: true });
    const cache = new Map<string, Database.Statement>();
    return async (sql, params = []) => {
      let statement = cache.get(sql);
      if (!statement) {
        statement = sqlite.prepare(sql);
        cache.set(sql, statement);
      }
      return statement.all(...params) as Row[];
    };
  }
  const pool = new pg.Pool({ connectionString: url, max: 10 });
  return async (sql, params = []) => {
    let n = 0;
    return (
      await pool.query(
        sql.replace(/\?/g, () => `$${++n}`),
        params,
      )
    ).rows;
  };
}

const db = connect();
let statements = 0;
const q: Query = (sql, params) => {
  statements++;
  return db(sql, params);
};
const list = (ids: unknown[]) => ids.map(() => '?').join(', ');

const relations = [
  ['techniques', 'TreatmentTechnique', 'Technique', 'techniqueId', 'treatmentTechniqueId'],
  [
    'activeIngredients',
    'TreatmentActiveIngredient',
    'ActiveIngredient',
    'activeIngredientId',
    'treatmentActiveIngredientId',
  ],
  ['indications', 'TreatmentIndication', 'Indication', 'indicationId', 'treatmentIndicationId'],
  [
    'contraindications',
    'TreatmentContraindication',
    'Contraindication',
    'contraindicationId',
    'treatmentContraindicationId',
  ],
  ['sideEffects', 'TreatmentSideEffect', 'SideEffect', 'sideEffectId', 'treatmentSideEffectId'],
  ['bodyAreas', 'TreatmentBodyArea', 'BodyArea', 'bodyAreaId', 'treatmentBodyAreaId'],
] as const;

const group = (rows: Row[], key: string) => {
  const map = new Map<unknown, Row[]>();
  for (const r of rows) map.set(r[key], [...(map.get(r[key]) ?? []), r]);
  return map;
};

async function statuses(ids: unknown[], withCitations: boolean) {
  const rows = await q(
    `SELECT r.id, r."treatmentId", r.status, j.code, a.slug AS authority FROM "RegulatoryStatus" r
     JOIN "Jurisdiction" j ON j.id = r."jurisdictionId" LEFT JOIN "Authority" a ON a.id = r."authorityId"
     WHERE r."treatmentId" IN (${list(ids)}) ORDER BY r.id`,
    ids,
  );
  const citations = withCitations
    ? await citationsFor(
        'regulatoryStatusId',
        rows.map((r) => r.id),
      )
    : new Map();
  return group(
    rows.map((r) => ({
      treatmentId: r.treatmentId,
      status: r.status,
      jurisdiction: { code: r.code },
      authority: r.authority ? { slug: r.authority } : null,
      ...(withCitations ? { citations: citations.get(r.id) ?? [] } : {}),
    })),
    'treatmentId',
  );
}

async function citationsFor(column: string, ids: unknown[]) {
  if (ids.length === 0) return new Map<unknown, Row[]>();
  const rows = await q(
    `SELECT c."${column}" AS owner, ss.locator, s.slug FROM "Citation" c JOIN "Source" s ON s.id = c."sourceId" JOIN "SourceSection" ss ON ss.id = c."sectionId"
     WHERE c."${column}" IN (${list(ids)}) ORDER BY c."sourceId", c.id`,
    ids,
  );
  const out = new Map<unknown, Row[]>();
  for (const r of rows)
    out.set(r.owner, [...(out.get(r.owner) ?? []), { locator: r.locator, source: { slug: r.slug } }]);
  return out;
}

async function cms() {
  const treatments = await q('SELECT id, slug, "nameFr" FROM "Treatment" ORDER BY "sortFr", id LIMIT 50');
  const ids = treatments.map((t) => t.id);
  const aliases = group(
    await q(
      `SELECT "treatmentId", value FROM "TreatmentAlias" WHERE "treatmentId" IN (${list(ids)}) ORDER BY id`,
      ids,
    ),
    'treatmentId',
  );
  const linked = await Promise.all(
    relations.map(async ([, link, vocab, fk]) =>
      group(
        await q(
          `SELECT l."treatmentId", v.slug, v."nameFr" FROM "${link}" l JOIN "${vocab}" v ON v.id = l."${fk}"
           WHERE l."treatmentId" IN (${list(ids)}) ORDER BY l.id`,
          ids,
        ),
        'treatmentId',
      ),
    ),
  );
  const regulatory = await statuses(ids, false);
  return {
    data: {
      treatments: {
        nodes: treatments.map((t) => ({
          slug: t.slug,
          name: t.nameFr,
          aliases: (aliases.get(t.id) ?? []).map((a) => a.value),
          ...Object.fromEntries(
            relations.map(([field], i) => [
              field,
              { nodes: (linked[i]?.get(t.id) ?? []).map((v) => ({ slug: v.slug, name: v.nameFr })) },
            ]),
          ),
          regulatoryStatuses: {
            nodes: (regulatory.get(t.id) ?? []).map(({ treatmentId: _, ...rest }) => rest),
          },
        })),
      },
    },
  };
}

async function detail(slug: string) {
  const [t] = await q('SELECT id, slug, "nameFr", "summaryFr" FROM "Treatment" WHERE slug = ?', [slug]);
  if (!t) return { data: { treatment: null } };
  const aliases = await q('SELECT value FROM "TreatmentAlias" WHERE "treatmentId" = ? ORDER BY id', [t.id]);
  const fields = await Promise.all(
    relations.map(async ([field, link, vocab, fk, owner]) => {
      const rows = await q(
        `SELECT l.id, ${field === 'contraindications' ? 'l.severity, ' : ''}v.slug, v."nameFr" FROM "${link}" l
         JOIN "${vocab}" v ON v.id = l."${fk}" WHERE l."treatmentId" = ? ORDER BY l.id`,
        [t.id],
      );
      const citations = await citationsFor(
        owner,
        rows.map((r) => r.id),
      );
      return [
        field,
        {
          edges: rows.map((r) => ({
            ...(field === 'contraindications' ? { severity: r.severity } : {}),
            citations: citations.get(r.id) ?? [],
            node: { slug: r.slug, name: r.nameFr },
          })),
        },
      ];
    }),
  );
  const regulatory = await statuses([t.id], true);
  return {
    data: {
      treatment: {
        slug: t.slug,
        name: t.nameFr,
        summary: t.summaryFr,
        aliases: aliases.map((a) => a.value),
        ...Object.fromEntries(fields),
        regulatoryStatuses: {
          nodes: (regulatory.get(t.id) ?? []).map(({ treatmentId: _, ...rest }) => rest),
        },
      },
    },
  };
}

async function overlaps() {
  // The pair table is a schema feature (prisma/model.prisma), maintained by the seed loaders: the
  // floor reads it too, so the comparison is about serving, not about who precomputes.
  const pairs = await q(
    `SELECT "treatmentAId" AS a, "treatmentBId" AS b, shared, jaccard FROM "ContraindicationOverlap"
     WHERE shared >= 2 ORDER BY jaccard DESC, shared DESC, "treatmentAId", "treatmentBId" LIMIT 50`,
  );
  const ids = [...new Set(pairs.flatMap((p) => [p.a, p.b]))];
  const slugs = new Map(
    ids.length
      ? (await q(`SELECT id, slug FROM "Treatment" WHERE id IN (${list(ids)})`, ids)).map((r) => [
          r.id,
          r.slug,
        ])
      : [],
  );
  return {
    data: {
      contraindicationOverlaps: {
        nodes: pairs.map((p) => ({
          treatmentA: { slug: slugs.get(p.a) },
          treatmentB: { slug: slugs.get(p.b) },
          sharedCount: Number(p.shared),
          jaccard: Number(p.jaccard),
        })),
      },
    },
  };
}

const searchTables = [
  ['Treatment', true],
  ['Technique', false],
  ['ActiveIngredient', false],
  ['Indication', false],
  ['Contraindication', false],
  ['SideEffect', false],
] as const;

async function search(text: string) {
  const folded = foldText(text);
  const found = await Promise.all(
    searchTables.map(async ([table, aliases]) => {
      const rows = await q(
        `SELECT id, slug, "nameFr", "nameEn" FROM "${table}" WHERE "searchText" LIKE ? ESCAPE '\\'`,
        [`%${folded.replace(/[\\%_]/g, (c) => `\\${c}`)}%`],
      );
      const aliasRows =
        aliases && rows.length
          ? group(
              await q(
                `SELECT "treatmentId", value FROM "TreatmentAlias" WHERE "treatmentId" IN (${list(rows.map((r) => r.id))})`,
                rows.map((r) => r.id),
              ),
              'treatmentId',
            )
          : new Map();
      return rows.map((r) => {
        const candidate = {
          slug: r.slug as string,
          nameFr: r.nameFr as string,
          nameEn: r.nameEn as string | null,
          aliases: (aliasRows.get(r.id) ?? []).map((a: Row) => ({ value: a.value as string })),
        };
        return {
          __typename: table,
          slug: r.slug as string,
          score: scoreCandidate(folded, candidate),
          kind: searchTables.findIndex(([t]) => t === table),
        };
      });
    }),
  );
  const hits = found
    .flat()
    .filter((h) => h.score > 0)
    .sort((a, b) => b.score - a.score || a.kind - b.kind || (a.slug < b.slug ? -1 : a.slug > b.slug ? 1 : 0))
    .slice(0, 20)
    .map(({ __typename, slug }) => ({ __typename, slug }));
  return { data: { search: hits } };
}

/** A vocabulary entry's first 20 treatments, in link order (one index range on the join table). */
async function reverse(slug: string) {
  const [c] = await q('SELECT id, slug FROM "Contraindication" WHERE slug = ?', [slug]);
  if (!c) return { data: { contraindication: null } };
  const rows = await q(
    `SELECT l.severity, t.slug, t."nameFr" FROM "TreatmentContraindication" l JOIN "Treatment" t ON t.id = l."treatmentId"
     WHERE l."contraindicationId" = ? ORDER BY l.id LIMIT 20`,
    [c.id],
  );
  return {
    data: {
      contraindication: {
        slug: c.slug,
        treatments: {
          edges: rows.map((r) => ({ severity: r.severity, node: { slug: r.slug, name: r.nameFr } })),
        },
      },
    },
  };
}

const server = createServer(async (req, res) => {
  const { pathname, searchParams } = new URL(req.url ?? '/', 'http://floor');
  const before = statements;
  try {
    const body =
      pathname === '/cms'
        ? await cms()
        : pathname === '/detail'
          ? await detail(searchParams.get('slug') ?? '')
          : pathname === '/overlaps'
            ? await overlaps()
            : pathname === '/reverse'
              ? await reverse(searchParams.get('slug') ?? '')
              : pathname === '/search'
                ? await search(searchParams.get('q') ?? '')
                : undefined;
    if (!body) {
      res.writeHead(404).end();
      return;
    }
    // Exact only when requests do not overlap (the bench counts with one request at a time).
    res.writeHead(200, {
      'content-type': 'application/json',
      'x-sql-statements': String(statements - before),
    });
    res.end(JSON.stringify(body));
  } catch (error) {
    res.writeHead(500, { 'content-type': 'text/plain' }).end(String(error));
  }
});
server.listen(port, () => {
  const address = server.address();
  console.log(`floor on http://localhost:${typeof address === 'object' && address ? address.port : port}`);
});
