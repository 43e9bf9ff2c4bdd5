// Writes prisma/<provider>/schema.prisma for each engine from the one model (prisma/model.prisma).
import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { modelPath, providerDir, providerSchemaPath, providers, renderProviderSchema } from './providers.ts';

const model = readFileSync(modelPath, 'utf8');
for (const provider of providers) {
  mkdirSync(providerDir(provider), { recursive: true });
  writeFileSync(providerSchemaPath(provider), renderProviderSchema(provider, model));
  console.log(`wrote ${providerSchemaPath(provider)}`);
}
