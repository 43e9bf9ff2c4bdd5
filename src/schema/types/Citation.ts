import type { Context } from '../../context.ts';
import { ownerColumn } from '../../model/kinds.ts';
import { builder } from '../builder.ts';
import { SeverityEnum } from '../enums.ts';
import { Source } from './Source.ts';

export const Citation = builder.prismaObject('Citation', {
  description:
    'Provenance of a fact: the source document, where in it (section heading or paragraph), and an optional note.',
  fields: (t) => ({
    // No `select`: citations also come from plain SQL (link citations, with their source joined),
    // and a field with `select` makes the Prisma plugin reload rows it did not load itself.
    source: t.field({
      type: Source,
      description: 'The document that states the fact.',
      resolve: (c, _args, ctx) =>
        ((c as { source?: unknown }).source ?? ctx.loaders.byId('Source').load(c.sourceId)) as never,
    }),
    locator: t.string({
      description: 'Where in the document: its section heading, or "§N topic" for a paragraph.',
      // The citation loader joins the section's locator in; other readers load the section.
      resolve: async (c, _args, ctx) =>
        ((c as { locator?: string }).locator ??
          ((await ctx.loaders.byId('SourceSection').load(c.sectionId)) as { locator: string })
            .locator) as string,
    }),
    note: t.exposeString('note', {
      nullable: true,
      description: 'What exactly the source says here, when useful.',
    }),
    severity: t.field({
      type: SeverityEnum,
      nullable: true,
      description:
        'On a citation of a contraindication link: the severity this source’s wording gives ' +
        '(sources of one link may differ; the link’s `severity` is the strictest). Null elsewhere.',
      resolve: (c) => (c.severity ?? null) as 'ABSOLUTE' | 'RELATIVE' | 'PRECAUTION' | null,
    }),
    claimType: t.exposeString('claimType', {
      description:
        'What kind of fact is cited, e.g. `treatmentContraindication`, `protocolClaim`, `treatment`, `technique`.',
    }),
    claimSubject: t.exposeString('claimSubject', {
      description: 'Which fact: the slugs (or keys) it links, e.g. `prp-injection/anticoagulants`.',
    }),
  }),
});

/**
 * The `citations` field of a Prisma object whose model has a `citations` relation: every owner
 * kind of a level shares one statement (src/resolvers/loaders.ts), in the order citations are
 * always shown (source, then id).
 */
// biome-ignore lint/suspicious/noExplicitAny: the field builder of any Prisma object type with citations
export const citationsField = (t: any, description: string) => {
  const column = ownerColumn((t as { model: string }).model);
  return t.field({
    type: [Citation],
    description,
    resolve: (row: { id: number }, _args: unknown, ctx: Context) =>
      ctx.loaders.citationsOf(column).load(row.id),
  });
};
