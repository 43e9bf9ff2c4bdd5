import { resolveOffsetConnection } from '@pothos/plugin-relay';
import type { db } from '../../db.ts';
import { BadInputError } from '../../errors.ts';
import {
  contraindicationsById,
  type OverlapQuery,
  overlapCount,
  overlapPage,
  type SharedItem,
  sharedItems,
} from '../../resolvers/analytics.ts';
import { builder, readScope } from '../builder.ts';
import { connectionSize } from '../connections.ts';
import { INFORMATIONAL } from '../enums.ts';
import { objectFields } from '../selection.ts';
import { Contraindication } from '../types/Contraindication.ts';
import { SharedContraindication } from '../types/SharedContraindication.ts';
import { Treatment } from '../types/Treatment.ts';

type TreatmentRow = Awaited<ReturnType<typeof db.treatment.findMany>>[number];
type ContraindicationRow = Awaited<ReturnType<typeof db.contraindication.findMany>>[number];

/**
 * What the shared contraindications of a page's pairs cost (their links, then their rows) is paid
 * only when a client selects `shared` or `sharedItems`, once for the whole page.
 */
class PageShares {
  private items?: Promise<SharedItem[][]>;
  private rows?: Promise<Map<number, ContraindicationRow>>;
  constructor(private readonly pairs: ReadonlyArray<readonly [number, number]>) {}
  private allItems(): Promise<SharedItem[][]> {
    this.items ??= sharedItems(this.pairs);
    return this.items;
  }
  itemsOf(index: number): Promise<SharedItem[]> {
    return this.allItems().then((all) => all[index] ?? []);
  }
  async sharedOf(index: number): Promise<ContraindicationRow[]> {
    this.rows ??= this.allItems().then(async (all) => {
      const ids = new Set(all.flat().map((i) => i.contraindicationId));
      const rows = (await contraindicationsById([...ids])) as ContraindicationRow[];
      return new Map(rows.map((r) => [r.id, r]));
    });
    const [items, rows] = await Promise.all([this.itemsOf(index), this.rows]);
    return items.map((item) => rows.get(item.contraindicationId) as ContraindicationRow);
  }
}

interface Overlap {
  treatmentA: number;
  treatmentB: number;
  /** How many contraindications the pair shares (the pair table's count). */
  sharedCount: number;
  jaccard: number;
  severityWeight: number;
  independentShared: number;
  page: PageShares;
  index: number;
}

const OverlapOrderEnum = builder.enumType('ContraindicationOverlapOrder', {
  description: 'How contraindication overlaps are ranked.',
  values: {
    JACCARD: { description: 'Largest Jaccard index first, then most shared (the default).' },
    SEVERITY_WEIGHT: {
      description:
        'Heaviest `severityWeight` first: pairs sharing contraindications both treat as ABSOLUTE before pairs ' +
        'sharing precautions; then Jaccard index.',
    },
  } as const,
});

const ContraindicationOverlap = builder.objectRef<Overlap>('ContraindicationOverlap').implement({
  description: `Two treatments and the contraindications they share. ${INFORMATIONAL}`,
  fields: (t) => ({
    treatmentA: t.field({
      type: Treatment,
      description: 'One treatment of the pair.',
      resolve: (o, _args, ctx, info) =>
        ctx.loaders.byId('Treatment').load(o.treatmentA, objectFields(info)) as Promise<TreatmentRow>,
    }),
    treatmentB: t.field({
      type: Treatment,
      description: 'The other treatment.',
      resolve: (o, _args, ctx, info) =>
        ctx.loaders.byId('Treatment').load(o.treatmentB, objectFields(info)) as Promise<TreatmentRow>,
    }),
    shared: t.field({
      type: [Contraindication],
      description: 'Contraindications both treatments have, by slug.',
      resolve: (o) => o.page.sharedOf(o.index),
    }),
    sharedItems: t.field({
      type: [SharedContraindication],
      description:
        'The same contraindications as `shared`, in the same order, each with its severity, note and ' +
        'citations on each side (A then B), and whether both sides cite the same source section.',
      resolve: (o) => o.page.itemsOf(o.index),
    }),
    sharedCount: t.int({ description: 'How many they share.', resolve: (o) => o.sharedCount }),
    jaccard: t.float({
      description:
        'Jaccard index of their contraindication sets: shared / (all distinct of both), from 0 to 1.',
      resolve: (o) => o.jaccard,
    }),
    severityWeight: t.int({
      description:
        'Sum over the shared contraindications of the milder side’s severity (ABSOLUTE 3, RELATIVE 2, ' +
        'PRECAUTION 1): how strongly the shared conditions speak against both treatments.',
      resolve: (o) => o.severityWeight,
    }),
    independentSharedCount: t.int({
      description:
        'How many shared contraindications the two sides state independently: their citations are not the ' +
        'very same source sections (see `sharedItems.sameSourceSection`).',
      resolve: (o) => o.independentShared,
    }),
  }),
});

builder.queryField('contraindicationOverlaps', (t) =>
  t.connection(
    {
      authScopes: readScope,
      type: ContraindicationOverlap,
      description:
        'Pairs of treatments sharing contraindications, largest Jaccard index first (then most shared). ' +
        `Computed by the database over the whole base. ${INFORMATIONAL}`,
      args: {
        minShared: t.arg.int({
          required: false,
          defaultValue: 1,
          description: 'Only pairs sharing at least this many contraindications (≥ 1).',
        }),
        independentOnly: t.arg.boolean({
          required: false,
          defaultValue: false,
          description:
            'Count only shared contraindications stated independently (the sides do not cite the very same ' +
            'source sections): pairs whose overlap is one paragraph copied onto variants drop out.',
        }),
        orderBy: t.arg({
          type: OverlapOrderEnum,
          required: false,
          defaultValue: 'JACCARD',
          description: 'Ranking: Jaccard index (default) or severity weight.',
        }),
      },
      resolve: async (_root, args) => {
        const minShared = args.minShared ?? 1;
        if (minShared < 1)
          throw new BadInputError(`minShared must be at least 1; got ${minShared}.`, 'minShared');
        const query: OverlapQuery = {
          minShared,
          independentOnly: args.independentOnly ?? false,
          orderBy: args.orderBy ?? 'JACCARD',
        };
        const connection = await resolveOffsetConnection(
          { args, ...connectionSize },
          async ({ limit, offset }) => {
            const page = await overlapPage(query, limit, offset);
            const shares = new PageShares(page.map((p) => [p.treatmentA, p.treatmentB] as const));
            return page.map(
              (p, index): Overlap => ({
                treatmentA: p.treatmentA,
                treatmentB: p.treatmentB,
                sharedCount: p.shared,
                jaccard: p.jaccard,
                severityWeight: p.severityWeight,
                independentShared: p.independentShared,
                page: shares,
                index,
              }),
            );
          },
        );
        // Counted by the totalCount field, only when a client asks for it.
        return { ...connection, query };
      },
    },
    {
      name: 'ContraindicationOverlapConnection',
      fields: (c) => ({
        totalCount: c.int({
          description: 'Number of pairs in the whole connection.',
          resolve: (conn) => overlapCount((conn as unknown as { query: OverlapQuery }).query),
        }),
      }),
    },
  ),
);
