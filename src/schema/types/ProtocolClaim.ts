import { builder } from '../builder.ts';
import { localizedFields } from '../localized.ts';
import { citationsField } from './Citation.ts';

export const ProtocolKindEnum = builder.enumType('ProtocolKind', {
  description: 'What a protocol claim is about.',
  values: {
    SESSION_COUNT: { description: 'How many sessions.' },
    INTERVAL: { description: 'Time between sessions.' },
    MAINTENANCE: { description: 'Maintenance sessions after the initial course.' },
    SESSION_DURATION: { description: 'How long a session lasts.' },
    AFTERCARE: { description: 'What to do after a session (e.g. sun protection).' },
    PREPARATION: { description: 'What happens before a session.' },
    RESULT_ONSET: { description: 'When results show.' },
    RECOVERY: { description: 'Downtime after a session.' },
    PROCEDURE_STEP: { description: 'A step of the procedure.' },
  } as const,
});

export const ProtocolUnitEnum = builder.enumType('ProtocolUnit', {
  description: 'Unit of `min` / `max` on a protocol claim.',
  values: {
    SESSION: { description: 'Sessions.' },
    MINUTE: { description: 'Minutes.' },
    HOUR: { description: 'Hours.' },
    DAY: { description: 'Days.' },
    WEEK: { description: 'Weeks.' },
    MONTH: { description: 'Months.' },
    YEAR: { description: 'Years.' },
    PER_YEAR: { description: 'Times per year.' },
  } as const,
});

export const ProtocolClaim = builder.prismaObject('ProtocolClaim', {
  description:
    'One cited protocol claim (sessions, interval, maintenance, duration, aftercare…). When sources disagree, ' +
    'each keeps its own claim, side by side.',
  fields: (t) => ({
    key: t.exposeString('key', { description: 'Identifier of the claim, unique within its treatment.' }),
    kind: t.expose('kind', { type: ProtocolKindEnum, description: 'What the claim is about.' }),
    ...localizedFields(t, 'text', 'text', 'The claim, in our words.'),
    min: t.exposeFloat('min', { nullable: true, description: 'Lower bound the source states, in `unit`.' }),
    max: t.exposeFloat('max', { nullable: true, description: 'Upper bound the source states, in `unit`.' }),
    unit: t.expose('unit', {
      type: ProtocolUnitEnum,
      nullable: true,
      description: 'Unit of `min` and `max`.',
    }),
    citations: citationsField(t, 'The source(s) making this claim.'),
  }),
});
