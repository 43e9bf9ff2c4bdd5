// `npm run api-key -- <command>`: create, list and revoke API keys in DATABASE_URL.
//   create --name "<who>" [--scopes read,write,admin]   prints the key once (only its hash is kept)
//   list                                               every key, live and revoked
//   revoke <id | prefix>                               refuses an ambiguous prefix
import { parseArgs } from 'node:util';
import { createApiKey, listApiKeys, revokeApiKey } from '../src/auth/keys.ts';
import { parseScopes } from '../src/auth/scopes.ts';
import { db } from '../src/db.ts';

const usage = `usage:
  npm run api-key -- create --name "<who uses it>" [--scopes read,write,admin]   (default scopes: read)
  npm run api-key -- list
  npm run api-key -- revoke <id | key | key prefix (first 12 characters)>`;

async function main(argv: string[]): Promise<number> {
  const { positionals, values } = parseArgs({
    args: argv,
    allowPositionals: true,
    options: { name: { type: 'string' }, scopes: { type: 'string', default: 'read' } },
  });
  const [command, target] = positionals;
  switch (command) {
    case 'create': {
      if (!values.name) throw new Error('create needs --name "<who uses it>"');
      const { key, identity } = await createApiKey(db, values.name, parseScopes(values.scopes));
      console.log(`created key #${identity.id} "${identity.name}" (scopes: ${identity.scopes.join(', ')})`);
      console.log(`key (shown once, store it now): ${key}`);
      return 0;
    }
    case 'list': {
      for (const k of await listApiKeys(db)) {
        const status = k.revokedAt ? `revoked ${k.revokedAt.toISOString()}` : 'live';
        console.log(`#${k.id}\t${k.prefix}…\t${k.scopes.join(',')}\t${status}\t${k.name}`);
      }
      return 0;
    }
    case 'revoke': {
      if (!target) throw new Error('revoke needs a key id or prefix');
      const revoked = await revokeApiKey(db, target);
      if (revoked.length === 0) throw new Error(`no live key has id or prefix "${target}"`);
      for (const k of revoked) console.log(`revoked key #${k.id} "${k.name}" (${k.prefix}…)`);
      return 0;
    }
    default:
      console.error(usage);
      return 2;
  }
}

try {
  process.exitCode = await main(process.argv.slice(2));
} catch (error) {
  console.error(`api-key: ${(error as Error).message}`);
  process.exitCode = 1;
} finally {
  await db.$disconnect();
}
