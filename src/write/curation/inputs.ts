// Validation of curation inputs at the edge (zod), derived from the field descriptors of specs.ts:
// every problem is reported at once, each with the path of the input field at fault, before
// anything is written.
import { z } from 'zod';
import { type UserErrorShape, UserFault } from './fault.ts';
import { enumValues, type FieldSpec } from './specs.ts';

export const slug = z
  .string()
  .max(100, 'must be at most 100 characters')
  .regex(/^[a-z0-9]+(-[a-z0-9]+)*$/, 'must be an English kebab-case slug (a-z, 0-9, single hyphens)');

/** A key that names something existing: only its length is checked here, the lookup says the rest. */
export const key = z.string().trim().min(1, 'must not be empty').max(100, 'must be at most 100 characters');

const text = (max: number) =>
  z.string().trim().min(1, 'must not be empty').max(max, `must be at most ${max} characters`);

/** `{ fr, en }`, at least one of them: French is the source language, English may come first. */
const localized = (max: number) =>
  z
    .strictObject({ fr: text(max).nullish(), en: text(max).nullish() })
    .refine((v) => Boolean(v.fr || v.en), { message: 'needs a text in at least one language (fr or en)' });

export const version = z.number().int().positive('must be the positive version you read');

const citation = z.strictObject({
  source: slug,
  section: text(300),
  note: text(1000).nullish(),
  severity: z.enum(['ABSOLUTE', 'RELATIVE', 'PRECAUTION']).nullish(),
});

/** A fact's citations: at least one, no section cited twice. */
export const citations = z
  .array(citation)
  .min(1, 'a fact needs at least one citation to a source section')
  .max(50, 'at most 50 citations per fact')
  .superRefine((list, ctx) => {
    const seen = new Set<string>();
    list.forEach((c, i) => {
      const at = `${c.source}|${c.section}`;
      if (seen.has(at))
        ctx.addIssue({ code: 'custom', path: [i, 'section'], message: 'cites this section twice' });
      seen.add(at);
    });
  });

export type CitationValue = z.infer<typeof citation>;

function zodOf(f: FieldSpec): z.ZodType {
  const base =
    f.kind === 'localized'
      ? localized(f.max)
      : f.kind === 'enum'
        ? z.enum(enumValues(f.enum) as [string, ...string[]])
        : f.kind === 'slug'
          ? slug
          : f.kind === 'number'
            ? z.number().finite()
            : f.kind === 'boolean'
              ? z.boolean()
              : f.kind === 'date'
                ? z.iso.date({ message: 'must be a date as YYYY-MM-DD' })
                : f.kind === 'choice'
                  ? z.enum(f.values as [string, ...string[]])
                  : f.kind === 'list'
                    ? z
                        .array(text(f.max))
                        .min(1, 'needs at least one')
                        .max(f.items, `at most ${f.items}`)
                        .refine((l) => new Set(l).size === l.length, { message: 'lists an entry twice' })
                    : text(f.max);
  return f.nullable ? base.nullable() : base;
}

/**
 * The data fields of a spec as a zod shape: required ones required when `creating`, all optional
 * otherwise (an update changes what it sends).
 */
export function dataShape(
  spec: { fields: Record<string, FieldSpec>; required: string[] },
  creating: boolean,
) {
  return Object.fromEntries(
    Object.entries(spec.fields).map(([field, f]) => {
      const schema = zodOf(f);
      return [field, creating && spec.required.includes(field) ? schema : schema.optional()];
    }),
  );
}

/**
 * Drops the fields a GraphQL client sent as null where null cannot mean "clear" (a required text):
 * null there means "leave as is", like an absent field.
 */
export function present(spec: { fields: Record<string, FieldSpec> }, raw: Record<string, unknown>) {
  return Object.fromEntries(
    Object.entries(raw).filter(([field, value]) => value !== null || spec.fields[field]?.nullable === true),
  );
}

/** Parses `input` or throws a UserFault listing every issue, paths prefixed with `input`. */
export function parseInput<T>(schema: z.ZodType<T>, input: unknown): T {
  const parsed = schema.safeParse(input);
  if (parsed.success) return parsed.data;
  // A check on a whole object says less than one on its field: keep only the most precise issues.
  const paths = parsed.error.issues.map((issue) => issue.path.map(String).join('.'));
  const precise = parsed.error.issues.filter((issue) => {
    const path = issue.path.map(String).join('.');
    return !paths.some((other) => other.startsWith(`${path}.`));
  });
  const errors: UserErrorShape[] = precise.map((issue) => ({
    // A fact with no citation (missing or empty list) has its own code: it is the rule most often met.
    code: issue.path.length === 1 && issue.path[0] === 'citations' ? 'CITATION_REQUIRED' : 'VALIDATION',
    path: ['input', ...issue.path.map(String)],
    message: issue.message,
  }));
  throw new UserFault(errors);
}
