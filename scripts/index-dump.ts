// Prints a knowledge index's fingerprint (scripts/index-fingerprint.ts), one line per table: run it on the
// index an indexer built before and after a change that must not change what is indexed, and diff.
//   npx tsx scripts/index-dump.ts <versus.db>
import BetterSqlite3 from 'better-sqlite3';
import { indexFingerprint } from './index-fingerprint.js';

const file = process.argv[2];
if (!file) {
  process.stderr.write('usage: npx tsx scripts/index-dump.ts <versus.db>\n');
  process.exit(2);
}
const db = new BetterSqlite3(file, { readonly: true });
process.stdout.write(`${indexFingerprint(db).join('\n')}\n`);
db.close();
