// `npm run schema:print`: writes schema.graphql from the built schema. The file is committed and
// tests/api/schema.test.ts fails when it is stale.
import { writeFileSync } from 'node:fs';
import { lexicographicSortSchema, printSchema } from 'graphql';
import { schema } from '../src/schema/index.ts';

export const printedSchema = () => `${printSchema(lexicographicSortSchema(schema))}\n`;

if (process.argv[1] && import.meta.url.endsWith(process.argv[1].split('/').pop() ?? '')) {
  writeFileSync(new URL('../schema.graphql', import.meta.url), printedSchema());
  console.log('wrote schema.graphql');
}
