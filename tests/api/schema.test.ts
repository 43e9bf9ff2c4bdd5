// The public schema as an artifact: schema.graphql is current, and everything in it is described.
import { readFileSync } from 'node:fs';
import {
  type GraphQLNamedType,
  isEnumType,
  isInputObjectType,
  isInterfaceType,
  isObjectType,
  isUnionType,
} from 'graphql';
import { describe, expect, it } from 'vitest';
import { printedSchema } from '../../scripts/print-schema.ts';
import { schema } from '../../src/schema/index.ts';

const own = (t: GraphQLNamedType) =>
  !t.name.startsWith('__') && !['String', 'Int', 'Float', 'Boolean', 'ID'].includes(t.name);

describe('schema.graphql', () => {
  it('matches the schema the code builds (run `npm run schema:print`)', () => {
    expect(readFileSync(new URL('../../schema.graphql', import.meta.url), 'utf8')).toBe(printedSchema());
  });
});

describe('schema documentation', () => {
  const missing: string[] = [];
  for (const type of Object.values(schema.getTypeMap()).filter(own)) {
    if (!type.description) missing.push(type.name);
    if (isObjectType(type) || isInterfaceType(type) || isInputObjectType(type)) {
      for (const field of Object.values(type.getFields())) {
        if (!field.description) missing.push(`${type.name}.${field.name}`);
        for (const arg of 'args' in field ? field.args : []) {
          if (!arg.description) missing.push(`${type.name}.${field.name}(${arg.name})`);
        }
      }
    }
    if (isEnumType(type)) {
      for (const value of type.getValues())
        if (!value.description) missing.push(`${type.name}.${value.name}`);
    }
    if (isUnionType(type) && !type.description) missing.push(type.name);
  }

  it('describes every type, field, argument and enum value', () => {
    expect(missing).toEqual([]);
  });

  it('says on screening and contraindication fields that the data is informational', () => {
    const query = schema.getQueryType();
    const fields = query?.getFields() ?? {};
    for (const name of [
      'screenTreatments',
      'sharedContraindications',
      'contraindicationOverlaps',
      'contraindication',
      'contraindications',
    ]) {
      expect(fields[name]?.description, name).toMatch(/no substitute for a practitioner/i);
    }
    const treatment = schema.getType('Treatment');
    expect(isObjectType(treatment) && treatment.getFields().contraindications?.description).toMatch(
      /no substitute/i,
    );
  });
});
