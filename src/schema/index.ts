// Imports every type and root field for its side effect, in a fixed order, and builds the schema.
import './scalars.ts';
import './enums.ts';
import './types/Treatment.ts';
import './queries/treatments.ts';
import { builder } from './builder.ts';

export const schema = builder.toSchema({ sortSchema: true });
