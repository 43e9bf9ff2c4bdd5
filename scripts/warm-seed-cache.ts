// `postinstall`: validates the seed under seed/data once and keeps it as JSON (seed/cache.ts), so a
// first `npm start` on a new database does not parse and validate the YAML. An invalid seed does
// not fail the install: `npm start` and `npm run db:seed` report it, with every problem.
import { readSeedCached } from '../seed/cache.ts';
import { defaultSeedDir } from '../seed/load.ts';

try {
  await readSeedCached(defaultSeedDir);
} catch (error) {
  console.warn(`seed not cached: ${(error as Error).message.split('\n')[0]}`);
}
