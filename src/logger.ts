import { type DestinationStream, type Logger, pino } from 'pino';

export type { Logger };

/** Paths pino blanks out wherever they appear, so tokens and secrets never reach a log line. */
export const REDACT_PATHS = [
  'token',
  '*.token',
  'botToken',
  '*.botToken',
  'appToken',
  '*.appToken',
  'signingSecret',
  '*.signingSecret',
  'authorization',
  '*.authorization',
  'headers.authorization',
  '*.headers.authorization',
  'headers["x-slack-signature"]',
  'req.headers.authorization',
  'config.slack',
  'config.discord',
];

/** JSON lines to stdout (or the given stream), with secrets redacted. */
export function createLogger(level: string = process.env.LOG_LEVEL ?? 'info', destination?: DestinationStream): Logger {
  const options = { level, redact: { paths: REDACT_PATHS, censor: '[redacted]' }, base: { app: 'versus' } };
  return destination ? pino(options, destination) : pino(options);
}
