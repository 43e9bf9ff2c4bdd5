// `npm run docs:examples`: writes docs/examples.md from examples/*.graphql (the queries GraphiQL
// opens with), each with the answer it gets from a freshly seeded database, in English.
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

const dir = mkdtempSync(join(tmpdir(), 'akt-examples-'));
process.env.DATABASE_URL = `file:${join(dir, 'examples.db')}`;
process.env.LOG_LEVEL = 'silent';
const { applyMigrations } = await import('../src/migrations.ts');
await applyMigrations(process.env.DATABASE_URL);
const { db } = await import('../src/db.ts');
const { seedDatabase } = await import('../seed/load.ts');
await seedDatabase(db);
const { config } = await import('../src/config.ts');
const { createApp } = await import('../src/server.ts');
const { loadExamples } = await import('../src/http/graphiql.ts');
const { projectRoot } = await import('../src/root.ts');

const app = createApp({ ...config, RATE_LIMIT_POINTS: 0, RESPONSE_CACHE: false });
const sections: string[] = [];
for (const example of loadExamples()) {
  const response = await app.yoga.fetch(
    new Request('http://localhost/graphql', {
      method: 'POST',
      headers: { 'content-type': 'application/json', 'accept-language': 'en' },
      body: JSON.stringify({ query: example.query }),
    }),
  );
  const answer = (await response.json()) as { data?: unknown; errors?: unknown };
  if (answer.errors) throw new Error(`${example.name}: ${JSON.stringify(answer.errors)}`);
  const comment =
    example.query
      .match(/^#.*$/gm)
      ?.map((line) => line.replace(/^#\s?/, ''))
      .join(' ') ?? '';
  sections.push(
    `## ${example.name}\n\n${comment}\n\n\`\`\`graphql\n${example.query.replace(/^#.*\n/gm, '').trim()}\n\`\`\`\n\n` +
      `\`\`\`json\n${JSON.stringify(answer, null, 2)}\n\`\`\`\n`,
  );
}
writeFileSync(
  join(projectRoot, 'docs', 'examples.md'),
  `# Query examples

The queries in [\`examples/\`](../examples), which GraphiQL opens as tabs, with the answers they get
from the seeded database (\`Accept-Language: en\`). Regenerate with \`npm run docs:examples\`.

${sections.join('\n')}`,
);
await app.close();
await db.$disconnect();
rmSync(dir, { recursive: true, force: true });
console.log('wrote docs/examples.md');
