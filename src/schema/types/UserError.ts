import type { UserErrorShape } from '../../write/curation/fault.ts';
import { builder } from '../builder.ts';

export const UserErrorCodeEnum = builder.enumType('UserErrorCode', {
  description: 'Why a mutation wrote nothing.',
  values: {
    VALIDATION: { description: 'An input value is malformed or out of range (see `path`).' },
    NOT_FOUND: { description: 'A slug or code names nothing (see `path`).' },
    CONFLICT: {
      description:
        'The version sent is not the current one: someone changed the entity since it was read (`currentVersion`).',
    },
    ALREADY_EXISTS: { description: 'The slug, or the fact, exists already.' },
    IN_USE: { description: 'Other entities still refer to what would be deleted (`dependents`).' },
    CITATION_REQUIRED: { description: 'A fact was sent without any citation.' },
    UNKNOWN_CITATION: { description: 'A citation names a source or section that does not exist.' },
  } as const,
});

export const UserError = builder.objectRef<UserErrorShape>('UserError').implement({
  description:
    'A problem with a mutation input, for the user to fix. Any error means nothing was written: a mutation is one transaction.',
  fields: (t) => ({
    code: t.field({ type: UserErrorCodeEnum, description: 'Stable code.', resolve: (e) => e.code }),
    message: t.exposeString('message', { description: 'What is wrong, in English.' }),
    path: t.exposeStringList('path', {
      description: 'Where in the arguments, e.g. ["input", "citations", "0", "section"].',
    }),
    currentVersion: t.int({
      nullable: true,
      description: 'On CONFLICT: the version the entity has now.',
      resolve: (e) => e.currentVersion ?? null,
    }),
    dependents: t.stringList({
      nullable: true,
      description: 'On IN_USE: what still refers to it, as `<Kind>/<slug>`.',
      resolve: (e) => e.dependents ?? null,
    }),
  }),
});
