// Runs before `npm run start:prod`: production starts the compiled output and never builds, so say
// clearly when there is nothing to start, or when the sources changed since the last build.
import { existsSync, readdirSync, statSync } from 'node:fs';
import { join } from 'node:path';

const root = join(import.meta.dirname, '..');
const entry = join(root, 'dist', 'src', 'start.js');
if (!existsSync(entry)) {
  console.error('No build to start: run `npm run build` once (dist/src/start.js is missing).');
  process.exit(1);
}

/** The newest modification time under a folder of TypeScript sources. */
function newest(dir) {
  let latest = 0;
  for (const entry of readdirSync(dir, { withFileTypes: true })) {
    const path = join(dir, entry.name);
    if (entry.isDirectory()) latest = Math.max(latest, newest(path));
    else if (entry.name.endsWith('.ts')) latest = Math.max(latest, statSync(path).mtimeMs);
  }
  return latest;
}
const built = statSync(entry).mtimeMs;
if (Math.max(newest(join(root, 'src')), newest(join(root, 'seed'))) > built) {
  // A warning, not a refusal: an image may have copied sources after building.
  console.error('Warning: sources changed since the last `npm run build`; starting the older build.');
}
