// Redis connections, one per purpose so a blocking or slow use cannot starve another. Every key is
// under REDIS_PREFIX.
import { Redis } from 'ioredis';

export function connectRedis(url: string, prefix: string, purpose: string): Redis {
  return new Redis(url, {
    keyPrefix: `${prefix}:${purpose}:`,
    connectionName: `aesthetic-knowledge-api:${purpose}`,
    // Fail a command quickly instead of queueing it forever while Redis is away.
    maxRetriesPerRequest: 2,
    enableOfflineQueue: true,
  });
}
