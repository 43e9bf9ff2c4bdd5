// Generates the Prisma client for each engine (and Pothos' types) with no network: pointing
// PRISMA_SCHEMA_ENGINE_BINARY at the WebAssembly engine stops the CLI's native-engine download,
// which `generate` does not need (docs/architecture.md, "Prisma without a network").
import { execFileSync } from 'node:child_process';
import { providerSchemaPath, providers, root, wasmEngineFile } from './providers.ts';

for (const provider of providers) {
  execFileSync(
    process.execPath,
    [`${root}node_modules/prisma/build/index.js`, 'generate', '--schema', providerSchemaPath(provider)],
    {
      cwd: root,
      stdio: 'inherit',
      env: { ...process.env, PRISMA_SCHEMA_ENGINE_BINARY: wasmEngineFile, CHECKPOINT_DISABLE: '1' },
    },
  );
}
