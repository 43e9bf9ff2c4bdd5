import { builder } from '../builder.ts';

export const TerminologyCode = builder.prismaObject('TerminologyCode', {
  description:
    'A code in a standard terminology, so clients can map our vocabulary. Only codes checked against an ' +
    'authoritative listing are given.',
  fields: (t) => ({
    system: t.exposeString('system', { description: 'Terminology: `SNOMED-CT`, `ATC` or `ICD-10`.' }),
    code: t.exposeString('code', { description: 'The code in that terminology (e.g. `B01AC`, `D65-D69`).' }),
    display: t.exposeString('display', { description: 'The terminology’s own label for the code.' }),
  }),
});
