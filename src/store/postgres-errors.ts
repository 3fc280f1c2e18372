import { VersusError } from '../errors.js';

/** The URL as safe to print: user, host, port and database, never the password or query options. */
export function describeTarget(url: string): string {
  try {
    const u = new URL(url);
    const user = u.username ? `${decodeURIComponent(u.username)}@` : '';
    return `postgres://${user}${u.hostname || 'localhost'}:${u.port || '5432'}${u.pathname || '/'}`;
  } catch {
    return 'the PostgreSQL server in DATABASE_URL';
  }
}

/**
 * node-postgres's failures to connect or set up (socket errors, server SQLSTATEs) turned into a message that names
 * what to fix. The password never appears: only describeTarget's form of the URL, and the driver's own
 * message with the password scrubbed in case a future driver echoes it.
 */
export function connectionError(url: string, e: unknown): VersusError {
  const err = e as { code?: string; message?: string };
  const target = describeTarget(url);
  const detail = scrub(url, err.message ?? String(e));
  const database = safeUrl(url)?.pathname.slice(1) || 'the database';
  const user = decodeURIComponent(safeUrl(url)?.username ?? '') || 'the user';
  let advice: string;
  switch (err.code) {
    case 'ECONNREFUSED':
    case 'EHOSTUNREACH':
    case 'ENETUNREACH':
    case 'ETIMEDOUT':
      advice = 'the server cannot be reached: is PostgreSQL running, and are the host and port in DATABASE_URL right?';
      break;
    case 'ENOTFOUND':
    case 'EAI_AGAIN':
      advice = 'the host name does not resolve: check the host in DATABASE_URL.';
      break;
    case '28P01':
    case '28000':
      advice = `authentication failed for ${user}: check the user name and password in DATABASE_URL (and pg_hba.conf).`;
      break;
    case '3D000':
      advice = `database "${database}" does not exist: create it (createdb ${database}) or fix the name in DATABASE_URL.`;
      break;
    case '42501':
      advice = `${user} may not create tables in database "${database}": make ${user} its owner (ALTER DATABASE ${database} OWNER TO ${user}) or GRANT CREATE ON SCHEMA public TO ${user}.`;
      break;
    default:
      advice = /timeout/i.test(detail)
        ? 'the server did not answer in time: is PostgreSQL running, and are the host and port in DATABASE_URL right?'
        : 'check DATABASE_URL and that the server accepts connections from this host.';
  }
  return new VersusError('db_unreachable', `Cannot use PostgreSQL at ${target}: ${advice} (${detail})`, {
    cause: e,
  });
}

function safeUrl(url: string): URL | undefined {
  try {
    return new URL(url);
  } catch {
    return undefined;
  }
}

function scrub(url: string, text: string): string {
  const password = safeUrl(url)?.password;
  if (!password) return text;
  return text.split(password).join('***').split(decodeURIComponent(password)).join('***');
}
