// Structured JSON logs (pino), one line per event; requests log through child loggers that carry
// the request id, so every line of one request can be found together.
import { AsyncLocalStorage } from 'node:async_hooks';
import { pino } from 'pino';
import { config } from './config.ts';

export const logger = pino({
  level: config.NODE_ENV === 'test' && !process.env.LOG_LEVEL ? 'silent' : config.LOG_LEVEL,
  base: { service: 'aesthetic-knowledge-api' },
  // Secrets never reach the logs, even if a header is logged by mistake.
  redact: ['req.headers.authorization', 'req.headers["x-api-key"]'],
});

export type Logger = typeof logger;

/** The request being served, for code with no context at hand (error masking). */
export const requestScope = new AsyncLocalStorage<{ requestId: string; log: Logger }>();
