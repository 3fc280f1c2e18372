import { type Logger as BoltLogger, LogLevel } from '@slack/bolt';
import type { Logger } from '../../logger.js';

/**
 * The WebClient logs whole request bodies and results at debug level (`http request body: {"user":"U…",
 * "text":"You're on Team Python."}`), which would put an anonymous voter and their choice in the logs.
 * Those lines are dropped, and any Slack user, team or channel id left in an SDK message is masked.
 */
const DROPPED = /^(http request (body|headers|result)|http response)/i;
const SLACK_IDS = /\b[UWTCGDB][A-Z0-9]{6,}\b/g;

function text(msg: unknown[]): string {
  return msg
    .map((m) => (typeof m === 'string' ? m : m instanceof Error ? m.message : JSON.stringify(m)))
    .join(' ')
    .replace(SLACK_IDS, '[id]');
}

/** Bolt's logger interface on top of pino, so the SDKs' messages are structured like ours and scrubbed. */
export function sdkLogger(log: Logger): BoltLogger {
  let level = LogLevel.INFO;
  const emit = (lvl: 'debug' | 'info' | 'warn' | 'error', msg: unknown[]) => {
    if (!log.isLevelEnabled(lvl)) return;
    if (typeof msg[0] === 'string' && DROPPED.test(msg[0])) return;
    log[lvl](text(msg));
  };
  return {
    debug: (...msg) => emit('debug', msg),
    info: (...msg) => emit('info', msg),
    warn: (...msg) => emit('warn', msg),
    error: (...msg) => emit('error', msg),
    setLevel: (l) => {
      level = l;
    },
    getLevel: () => level,
    setName: () => {},
  };
}
