// Runs once per test run and engine: migrates and seeds a template database that every test
// file then copies (tests/setup/per-file.ts), and removes everything the run created at the end.
import { mkdirSync, rmSync } from 'node:fs';
import { join } from 'node:path';
import type { TestProject } from 'vitest/node';
import { seedDatabase } from '../../seed/load.ts';
import { createDb } from '../../src/db.ts';
import { applyMigrations } from '../../src/migrations.ts';
import { createPgDatabase, dropPgDatabasesLike, type TestEngine, TMP_ROOT } from './databases.ts';

declare module 'vitest' {
  export interface ProvidedContext {
    engine: TestEngine;
    runId: string;
    templateUrl: string;
    templateName: string;
  }
}

export default async function setup(project: TestProject) {
  const engine = (project.config.env?.TEST_ENGINE ?? 'sqlite') as TestEngine;
  const runId = `akt_${process.pid}_${engine === 'sqlite' ? 's' : 'p'}`;
  const templateName = `${runId}_template`;
  let templateUrl: string;
  if (engine === 'postgresql') {
    await dropPgDatabasesLike(runId);
    templateUrl = await createPgDatabase(templateName);
  } else {
    mkdirSync(TMP_ROOT, { recursive: true });
    const file = join(TMP_ROOT, `${templateName}.db`);
    rmSync(file, { force: true });
    templateUrl = `file:${file}`;
  }
  await applyMigrations(templateUrl);
  const db = createDb(templateUrl, 2);
  await seedDatabase(db);
  await db.$disconnect();

  project.provide('engine', engine);
  project.provide('runId', runId);
  project.provide('templateUrl', templateUrl);
  project.provide('templateName', templateName);

  return async () => {
    if (engine === 'postgresql') await dropPgDatabasesLike(runId);
    else rmSync(TMP_ROOT, { recursive: true, force: true });
  };
}
