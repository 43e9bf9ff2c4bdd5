// The bench operations as PostGraphile v5 (Amber preset, simplified inflection) documents, and
// one normal form per operation for the API's answer and the peer's, so the bench can check that
// both give the same answer. Operations without a fair equivalent are left out: PostGraphile's
// Amber preset has no range filter for `minShared ≥ 2` (overlaps) and no ranked search.
import { COMMON_CONTRAINDICATION } from '../operations.ts';

type Json = Record<string, unknown>;
type Nodes<T> = { nodes: T[] };

export interface PeerOperation {
  query: string;
  /** The API's answer in the normal form. */
  fromApi(data: Json): unknown;
  /** PostGraphile's answer in the same form. */
  fromPeer(data: Json): unknown;
}

const vocabulary = [
  ['techniques', 'treatmentTechniques', 'technique'],
  ['activeIngredients', 'treatmentActiveIngredients', 'activeIngredient'],
  ['indications', 'treatmentIndications', 'indication'],
  ['contraindications', 'treatmentContraindications', 'contraindication'],
  ['sideEffects', 'treatmentSideEffects', 'sideEffect'],
  ['bodyAreas', 'treatmentBodyAreas', 'bodyArea'],
] as const;

type Named = { slug: string; nameFr?: string; name?: string };
const name = (n: Named) => n.name ?? n.nameFr;
type Citation = { locator?: string; section?: { locator: string }; source: { slug: string } };
const citation = (c: Citation) => [c.source.slug, c.locator ?? c.section?.locator];
type Status = { status: string; jurisdiction: { code: string }; authority: { slug: string } | null };
const status = (r: Status) => [r.jurisdiction.code, r.status, r.authority?.slug ?? null];

const peerLinks = (join: string, node: string, inner: string) =>
  `${join}(first: 100, orderBy: ROW_ID_ASC) { nodes { ${inner} ${node} { slug nameFr } } }`;

export const peerOperations = (detailSlug: string): Record<string, PeerOperation> => ({
  'cms-pull': {
    query: `{ treatments(first: 50, orderBy: [SORT_FR_ASC, ROW_ID_ASC]) { nodes { slug nameFr
      treatmentAliases(orderBy: ROW_ID_ASC) { nodes { value } }
      ${vocabulary.map(([, join, node]) => peerLinks(join, node, '')).join('\n      ')}
      regulatoryStatuses(orderBy: ROW_ID_ASC) { nodes { status jurisdiction { code } authority { slug } } } } } }`,
    fromApi: (data) =>
      (data.treatments as Nodes<Json>).nodes.map((t) => ({
        slug: t.slug,
        name: t.name,
        aliases: t.aliases,
        ...Object.fromEntries(
          vocabulary.map(([field]) => [
            field,
            (t[field] as Nodes<Named>).nodes.map((n) => [n.slug, name(n)]),
          ]),
        ),
        statuses: (t.regulatoryStatuses as Nodes<Status>).nodes.map(status),
      })),
    fromPeer: (data) =>
      (data.treatments as Nodes<Json>).nodes.map((t) => ({
        slug: t.slug,
        name: t.nameFr,
        aliases: (t.treatmentAliases as Nodes<{ value: string }>).nodes.map((a) => a.value),
        ...Object.fromEntries(
          vocabulary.map(([field, join, node]) => [
            field,
            (t[join] as Nodes<Json>).nodes.map((l) => [(l[node] as Named).slug, name(l[node] as Named)]),
          ]),
        ),
        statuses: (t.regulatoryStatuses as Nodes<Status>).nodes.map(status),
      })),
  },
  'app-detail': {
    // Prisma makes `slug` a unique index, not a unique constraint, so PostGraphile has no
    // lookup by slug: a one-row list with an equality condition (served by that index) instead.
    query: `{ treatments(condition: { slug: "${detailSlug}" }, first: 1) { nodes { slug nameFr summaryFr
      treatmentAliases(orderBy: ROW_ID_ASC) { nodes { value } }
      ${vocabulary
        .map(([field, join, node]) =>
          peerLinks(
            join,
            node,
            `${field === 'contraindications' ? 'severity ' : ''}citations(orderBy: [SOURCE_ID_ASC, ROW_ID_ASC]) { nodes { section { locator } source { slug } } }`,
          ),
        )
        .join('\n      ')}
      regulatoryStatuses(orderBy: ROW_ID_ASC) { nodes { status jurisdiction { code } authority { slug }
        citations(orderBy: [SOURCE_ID_ASC, ROW_ID_ASC]) { nodes { section { locator } source { slug } } } } } } } }`,
    fromApi: (data) => {
      const t = data.treatment as Json;
      return {
        slug: t.slug,
        name: t.name,
        summary: t.summary,
        aliases: t.aliases,
        ...Object.fromEntries(
          vocabulary.map(([field]) => [
            field,
            (
              t[field] as { edges: Array<{ severity?: string; citations: Citation[]; node: Named }> }
            ).edges.map((e) => [e.node.slug, name(e.node), e.severity ?? null, e.citations.map(citation)]),
          ]),
        ),
        statuses: (t.regulatoryStatuses as Nodes<Status & { citations: Citation[] }>).nodes.map((r) => [
          ...status(r),
          r.citations.map(citation),
        ]),
      };
    },
    fromPeer: (data) => {
      const t = (data.treatments as Nodes<Json>).nodes[0] as Json;
      return {
        slug: t.slug,
        name: t.nameFr,
        summary: t.summaryFr,
        aliases: (t.treatmentAliases as Nodes<{ value: string }>).nodes.map((a) => a.value),
        ...Object.fromEntries(
          vocabulary.map(([field, join, node]) => [
            field,
            (t[join] as Nodes<Json & { severity?: string; citations: Nodes<Citation> }>).nodes.map((l) => [
              (l[node] as Named).slug,
              name(l[node] as Named),
              l.severity ?? null,
              l.citations.nodes.map(citation),
            ]),
          ]),
        ),
        statuses: (t.regulatoryStatuses as Nodes<Status & { citations: Nodes<Citation> }>).nodes.map((r) => [
          ...status(r),
          r.citations.nodes.map(citation),
        ]),
      };
    },
  },
  'reverse-connection': {
    query: `{ contraindications(condition: { slug: "${COMMON_CONTRAINDICATION}" }, first: 1) { nodes { slug
      treatmentContraindications(first: 20, orderBy: ROW_ID_ASC) { nodes { severity treatment { slug nameFr } } } } } }`,
    fromApi: (data) => {
      const c = data.contraindication as {
        slug: string;
        treatments: { edges: Array<{ severity: string; node: Named }> };
      };
      return [c.slug, c.treatments.edges.map((e) => [e.severity, e.node.slug, name(e.node)])];
    },
    fromPeer: (data) => {
      const c = (
        data.contraindications as Nodes<{
          slug: string;
          treatmentContraindications: Nodes<{ severity: string; treatment: Named }>;
        }>
      ).nodes[0] as {
        slug: string;
        treatmentContraindications: Nodes<{ severity: string; treatment: Named }>;
      };
      return [
        c.slug,
        c.treatmentContraindications.nodes.map((l) => [l.severity, l.treatment.slug, name(l.treatment)]),
      ];
    },
  },
});
