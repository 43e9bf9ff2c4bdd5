// Inputs shared by curation mutations, and the GraphQL input field of a curation field descriptor
// (src/write/curation/specs.ts), so each field is declared once for validation and for the schema.
import type { FieldSpec } from '../../write/curation/specs.ts';
import { builder } from '../builder.ts';
import { SeverityEnum } from '../enums.ts';
import { AnaesthesiaKindEnum } from '../types/AnaesthesiaOption.ts';
import { ContraindicationCategoryEnum } from '../types/Contraindication.ts';
import { IndicationCategoryEnum } from '../types/Indication.ts';
import { ProtocolKindEnum, ProtocolUnitEnum } from '../types/ProtocolClaim.ts';
import { RegulatoryStatusKindEnum } from '../types/RegulatoryStatus.ts';
import { SourceKindEnum } from '../types/Source.ts';
import { CareSettingEnum } from '../types/TreatmentSetting.ts';

export const LocalizedTextInput = builder.inputType('LocalizedTextInput', {
  description: 'A text in French and/or English: at least one of the two.',
  fields: (t) => ({
    fr: t.string({ required: false, description: 'French (the sources’ language).' }),
    en: t.string({ required: false, description: 'English.' }),
  }),
});

export const CitationInput = builder.inputType('CitationInput', {
  description:
    'Where a fact comes from: a section of a known source (`source(slug:) { sections }` lists them).',
  fields: (t) => ({
    source: t.string({ required: true, description: 'Slug of the source document.' }),
    section: t.string({
      required: true,
      description: 'Locator of the section, exactly as the source lists it.',
    }),
    note: t.string({ required: false, description: 'A short note on what the section says.' }),
    severity: t.field({
      type: SeverityEnum,
      required: false,
      description:
        'On a contraindication link: the severity this source states, when it differs from the link’s.',
    }),
  }),
});

const enums = {
  Severity: SeverityEnum,
  ContraindicationCategory: ContraindicationCategoryEnum,
  IndicationCategory: IndicationCategoryEnum,
  RegulatoryStatusKind: RegulatoryStatusKindEnum,
  ProtocolKind: ProtocolKindEnum,
  ProtocolUnit: ProtocolUnitEnum,
  CareSetting: CareSettingEnum,
  SourceKind: SourceKindEnum,
  AnaesthesiaKind: AnaesthesiaKindEnum,
} as const;

type FieldBuilder = Parameters<Parameters<typeof builder.inputType>[1]['fields']>[0];

/** The input field of a descriptor; `required` only where creating needs it. */
export function curationField(t: FieldBuilder, f: FieldSpec, required: boolean) {
  const options = { required, description: f.description };
  if (f.kind === 'localized') return t.field({ type: LocalizedTextInput, ...options });
  if (f.kind === 'enum') {
    const ref = enums[f.enum as keyof typeof enums];
    if (!ref) throw new Error(`curation: no GraphQL enum for ${f.enum}`);
    return t.field({ type: ref as typeof SeverityEnum, ...options });
  }
  if (f.kind === 'number') return t.float(options);
  if (f.kind === 'list') return t.stringList(options);
  if (f.kind === 'boolean') return t.boolean(options);
  return t.string(options);
}

/** Every data field of a spec: required ones required when `creating`. */
export function curationFields(
  t: FieldBuilder,
  spec: { fields: Record<string, FieldSpec>; required: string[] },
  creating: boolean,
) {
  return Object.fromEntries(
    Object.entries(spec.fields).map(([name, f]) => [
      name,
      curationField(t, f, creating && spec.required.includes(name)),
    ]),
  );
}
