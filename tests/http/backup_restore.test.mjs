// Issue 10, production: the backup and restore docs/production.md prescribes, done on a running server.
// PostgreSQL: `pg_dump -Fc` of the live database, restored with `pg_restore` into a new database; SQLite:
// the online `.backup` of the live file, copied into place. A server started on the restored copy serves
// every case acknowledged before the backup, and `flis audit verify` finds every hash chain intact.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { execFile } from 'node:child_process';
import { join } from 'node:path';
import { promisify } from 'node:util';
import { bin, prepareDatabase, signIn, startServer } from './server.mjs';

const run = promisify(execFile);
const at = '2026-06-01T10:00';
const applicant = { full_name: 'Backup Test', passport_number: 'B0000001', citizenship: 'DE', phone: '+7 700 000 0000' };

test('a backup taken from the running server restores to a database that serves every acknowledged case, its audit intact', async () => {
  const db = await prepareDatabase({ at });
  const server = await startServer({ at, db });
  const restored = { dir: db.dir, key: db.key };
  let copy;
  try {
    const sato = await signIn(server.url, 'sato');
    const code = (await (await fetch(`${server.url}/api/v1/reference/se_profession`)).json()).entries[0].code;
    const made = [];
    for (let i = 0; i < 5; i++) {
      const r = await sato.post('/api/v1/self-employment/applications',
        { kind: 'issue', region: '750000000', profession_code: code, applicant });
      assert.equal(r.status, 201);
      made.push(r.data.id);
    }
    if (db.url.startsWith('postgres')) {
      const dump = join(db.dir, 'flis.dump');
      await run('pg_dump', ['-Fc', '-f', dump, db.url]);
      const target = new URL(db.url);
      const name = `${target.pathname.slice(1)}_restored`;
      const admin = new URL(db.url);
      admin.pathname = '/postgres';
      await run('psql', [admin.href, '-qAtc', `CREATE DATABASE ${name}`]);
      target.pathname = `/${name}`;
      restored.url = target.href;
      copy = { drop: () => run('psql', [admin.href, '-qAtc', `DROP DATABASE IF EXISTS ${name} WITH (FORCE)`]) };
      await run('pg_restore', ['--no-owner', '-d', restored.url, dump]);
    } else {
      const live = db.url.slice('sqlite:'.length);
      const backup = join(db.dir, 'backup.sqlite');
      await run('sqlite3', [live, `.backup '${backup}'`]);
      restored.url = `sqlite:${backup}`;
    }
    // The restored copy, served on its own.
    const again = await startServer({ at, db: { ...db, ...restored } });
    try {
      const sato2 = await signIn(again.url, 'sato');
      for (const id of made) assert.equal((await sato2.get(`/api/v1/cases/${id}`)).status, 200, id);
    } finally {
      await again.stop();
    }
    await run(`${bin}/flis`, ['--db', restored.url, '--key', db.key, 'audit', 'verify']);
  } finally {
    await server.stop();
    await copy?.drop();
    try {
      await db.verify();
    } finally {
      await db.remove();
    }
  }
});
