// Bad seed input is reported with its file, path and problem, and leaves the database exactly as
// it was; a good seed applied twice changes nothing the second time.
import { execFile } from 'node:child_process';
import { cpSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { promisify } from 'node:util';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { defaultSeedDir, seedDatabase } from '../../seed/load.ts';
import { SeedValidationError } from '../../seed/validate.ts';
import { db } from '../../src/db.ts';
import { dumpDatabase } from '../helpers/dump.ts';

let dir: string;
beforeEach(() => {
  dir = mkdtempSync(join(tmpdir(), 'seed-'));
  cpSync(defaultSeedDir, dir, { recursive: true });
});
afterEach(() => rmSync(dir, { recursive: true, force: true }));

const edit = (file: string, change: (text: string) => string) => {
  const path = join(dir, file);
  writeFileSync(path, change(readFileSync(path, 'utf8')));
};

async function expectRejected(pattern: RegExp[]) {
  const before = await dumpDatabase(db);
  const error = await seedDatabase(db, dir).then(
    () => undefined,
    (e: unknown) => e,
  );
  expect(error).toBeInstanceOf(SeedValidationError);
  for (const p of pattern) expect((error as Error).message).toMatch(p);
  expect(await dumpDatabase(db)).toEqual(before);
}

describe('db:seed', () => {
  describe('run again on a seeded database', () => {
    it('changes nothing: no row, no timestamp', async () => {
      const before = await dumpDatabase(db);
      expect(await seedDatabase(db)).toEqual({ created: 0, updated: 0, deleted: 0, conflicts: [] });
      expect(await dumpDatabase(db)).toEqual(before);
    });
  });

  describe('after a curator edits the seed', () => {
    it('updates only the changed fact and removes a fact taken out of the seed', async () => {
      edit('treatments/mesolift.yaml', (t) => t.replace(/^ {2}en: "[^"]*"/m, '  en: "Mesolift (edited)"'));
      edit('vocabulary/side-effects.yaml', (t) =>
        t.replace(/^(\s+)- \{ source: mesolift-article, locator: "Effets secondaires" \}\n/m, ''),
      );
      const before = await db.treatment.findUniqueOrThrow({ where: { slug: 'mesotherapy' } });
      const citations = await db.citation.count();
      const stats = await seedDatabase(db, dir);
      expect(stats).toEqual({ created: 0, updated: 1, deleted: 1, conflicts: [] });
      expect(await db.citation.count()).toBe(citations - 1);
      const bleeding = await db.sideEffect.findUniqueOrThrow({
        where: { slug: 'bleeding' },
        include: { citations: { include: { source: true } } },
      });
      expect(bleeding.citations.map((c) => c.source.slug)).toEqual(['mesotherapy-patient-sheet']);
      expect((await db.treatment.findUniqueOrThrow({ where: { slug: 'mesolift' } })).nameEn).toBe(
        'Mesolift (edited)',
      );
      const untouched = await db.treatment.findUniqueOrThrow({ where: { slug: 'mesotherapy' } });
      expect(untouched.updatedAt).toEqual(before.updatedAt);
    });
  });

  describe('a malformed YAML file', () => {
    it('names the file and line, writes nothing', async () => {
      edit('treatments/prp-injection.yaml', (t) => `${t}\n  broken: [unclosed\n`);
      await expectRejected([/treatments\/prp-injection\.yaml/, /line \d+/, /malformed YAML/]);
    });
  });

  describe('a schema violation', () => {
    it('names the file, the path inside it and the allowed values, writes nothing', async () => {
      edit('treatments/mesotherapy.yaml', (t) =>
        t.replace(/severity: (ABSOLUTE|RELATIVE|PRECAUTION)/, 'severity: SOMETIMES'),
      );
      await expectRejected([
        /treatments\/mesotherapy\.yaml at contraindications\[\d+\]\.severity/,
        /ABSOLUTE/,
      ]);
    });

    it('rejects a fact without a citation', async () => {
      edit(
        'vocabulary/body-areas.yaml',
        (t) => `${t}\n- slug: elbows\n  name: { fr: Coudes, en: Elbows }\n  citations: []\n`,
      );
      await expectRejected([/vocabulary\/body-areas\.yaml at \[\d+\]\.citations/, /at least one citation/]);
    });
  });

  describe('a dangling reference', () => {
    it('names the missing slug and where it is used, writes nothing', async () => {
      edit('treatments/microneedling.yaml', (t) =>
        t.replace(/^techniques:\n {2}- slug: [a-z-]+/m, 'techniques:\n  - slug: laser-beam'),
      );
      await expectRejected([
        /treatments\/microneedling\.yaml at techniques\[0\]\.slug/,
        /unknown technique slug 'laser-beam' \(not in vocabulary\/techniques\.yaml\)/,
      ]);
    });

    it('names a locator the source does not declare', async () => {
      edit('treatments/mesolift.yaml', (t) => t.replace('locator: "Indications"', 'locator: "Chapitre 99"'));
      await expectRejected([/locator 'Chapitre 99' is not a section of source 'mesolift-article'/]);
    });
  });

  describe('severities that break the rule of seed/FORMAT.md', () => {
    it('refuses a link milder than one of its citations, naming the link and the citation', async () => {
      edit('treatments/mesotherapy.yaml', (t) =>
        t.replace(
          /(- slug: herpes-history\n {4}severity: PRECAUTION\n(?: {4,}.*\n)*? {6}- \{ source: mesotherapy-patient-sheet, locator: "QUELLES SONT LES CONTRE INDICATIONS") \}/,
          '$1, severity: ABSOLUTE }',
        ),
      );
      await expectRejected([
        /treatments\/mesotherapy\.yaml at contraindications\[\d+\]\.severity: PRECAUTION is milder than ABSOLUTE, stated by citations\[0\]/,
        /PRECAUTION is stated by none of the link's citations \(ABSOLUTE\)/,
      ]);
    });

    it('refuses a link severity that none of its citations states', async () => {
      edit('treatments/mesotherapy.yaml', (t) =>
        t.replace(
          /(- slug: allergy-to-component\n(?: {4,}.*\n)*? {6}- \{ source: mesotherapy-ageing-article, locator: "[^"]+") \}/,
          '$1, severity: RELATIVE }',
        ),
      );
      await expectRejected([
        /contraindications\[\d+\]\.severity: ABSOLUTE is stated by none of the link's citations \(PRECAUTION, RELATIVE\)/,
      ]);
    });

    it('refuses a severity on a citation of anything but a contraindication link', async () => {
      edit('treatments/mesolift.yaml', (t) =>
        t.replace('locator: "Indications" }', 'locator: "Indications", severity: ABSOLUTE }'),
      );
      await expectRejected([
        /treatments\/mesolift\.yaml at [a-zA-Z]+\[\d+\]\.citations\[\d+\]\.severity: a citation carries a severity only on a contraindication link/,
      ]);
    });
  });

  describe('the npm run db:seed command', () => {
    it('exits non-zero with the message on bad input', async () => {
      edit('treatments/microneedling.yaml', (t) =>
        t.replace(/^techniques:\n {2}- slug: [a-z-]+/m, 'techniques:\n  - slug: laser-beam'),
      );
      const run = promisify(execFile);
      const result = await run(process.execPath, ['--import', 'tsx', 'seed/load.ts', dir], {
        env: { ...process.env },
      }).then(
        () => ({ code: 0, stderr: '' }),
        (e: { code: number; stderr: string }) => e,
      );
      expect(result.code).toBe(1);
      expect(result.stderr).toMatch(
        /unknown technique slug 'laser-beam' \(not in vocabulary\/techniques\.yaml\)/,
      );
      expect(result.stderr).toMatch(/nothing was written/);
    });
  });
});
