// Errors have one home. Each AppError carries a stable `code`, surfaced to clients as
// `extensions.code` with a human message; anything else is masked by Yoga.
import { GraphQLError } from 'graphql';

export class AppError extends GraphQLError {
  constructor(
    message: string,
    readonly code: string,
    extensions: Record<string, unknown> = {},
  ) {
    super(message, { extensions: { code, ...extensions } });
  }
}

/** " Did you mean "a" or "b"?" for a message, empty without suggestions. */
const didYouMean = (suggestions: readonly string[]) => {
  if (suggestions.length === 0) return '';
  const quoted = suggestions.map((s) => `"${s}"`);
  const list = quoted.length === 1 ? quoted[0] : `${quoted.slice(0, -1).join(', ')} or ${quoted.at(-1)}`;
  return ` Did you mean ${list}?`;
};

export class NotFoundError extends AppError {
  /** `suggestions`: the closest existing keys (src/resolvers/suggest.ts), best first. */
  constructor(kind: string, key: string, suggestions: readonly string[] = []) {
    super(`No ${kind} with ${key}.${didYouMean(suggestions)}`, 'NOT_FOUND', { kind, suggestions });
  }
}

export class UnknownSlugsError extends AppError {
  constructor(
    kind: string,
    readonly slugs: string[],
    argument: string,
    /** For each unknown slug, the closest existing ones (src/resolvers/suggest.ts). */
    suggestions: Record<string, readonly string[]> = {},
  ) {
    const hints = slugs
      .filter((s) => suggestions[s]?.length)
      .map(
        (s) =>
          `${didYouMean(suggestions[s] ?? [])
            .trim()
            .replace(/\?$/, '')} for "${s}"?`,
      );
    super(
      `Unknown ${kind} slug${slugs.length === 1 ? '' : 's'} in \`${argument}\`: ${slugs.map((s) => `"${s}"`).join(', ')}.${hints.map((h) => ` ${h}`).join('')}`,
      'UNKNOWN_SLUGS',
      { kind, slugs, argument, suggestions },
    );
  }
}

export class InvalidCursorError extends AppError {
  constructor(cursor: string) {
    super(`The cursor "${cursor.slice(0, 80)}" is not valid for this connection.`, 'INVALID_CURSOR');
  }
}

export class InvalidIdError extends AppError {
  constructor(id: string) {
    super(`"${id.slice(0, 80)}" is not a valid global id.`, 'INVALID_ID');
  }
}

export class PageSizeError extends AppError {
  constructor(argument: string, value: number, max: number) {
    super(
      `\`${argument}\` must be between 0 and ${max}; got ${value}. Page through larger sets with \`after\`.`,
      'PAGE_SIZE_EXCEEDED',
      { argument, value, max },
    );
  }
}

export class BadInputError extends AppError {
  constructor(message: string, argument: string) {
    super(message, 'BAD_USER_INPUT', { argument });
  }
}

/**
 * Pothos reports bad cursors and ids as PothosValidationError; turn those into our codes so
 * clients get INVALID_CURSOR / INVALID_ID rather than a masked internal error.
 */
export function fromLibraryError(error: unknown): AppError | undefined {
  for (let e: unknown = error, depth = 0; e && depth < 5; depth++) {
    // The Prisma plugin loads nodes with findUniqueOrThrow: an unknown global id ends here.
    if (e instanceof Error && (e as { code?: string }).code === 'P2025') {
      return new AppError('No object has this id.', 'NOT_FOUND');
    }
    if (e instanceof Error && e.name === 'PothosValidationError') {
      if (/cursor/i.test(e.message))
        return new InvalidCursorError(e.message.replace(/^Invalid cursor:?\s*/i, ''));
      if (/global ?id|typename/i.test(e.message))
        return new InvalidIdError(e.message.replace(/^Invalid global ID:?\s*/i, ''));
      return new BadInputError(e.message, 'arguments');
    }
    e = (e as { originalError?: unknown }).originalError;
  }
  return undefined;
}

/** True for an AppError, or a GraphQL error wrapping one (as graphql-js wraps resolver errors). */
export function isAppError(error: unknown): boolean {
  for (let e: unknown = error, depth = 0; e && depth < 5; depth++) {
    if (e instanceof AppError) return true;
    e = (e as { originalError?: unknown }).originalError;
  }
  return false;
}

/** HTTP status and headers a request-level error answers with (read by Yoga from extensions.http). */
const http = (status: number, headers?: Record<string, string>) => ({
  http: { status, ...(headers && { headers }) },
});

/**
 * A protective limit was crossed. `code` names the limit; `limit` and `value` say by how much
 * (`value` is absent when it cannot be known, e.g. parsing stops at the token limit).
 */
export class LimitExceededError extends AppError {
  constructor(code: string, message: string, limit: number, value?: number, status = 400) {
    super(message, code, { limit, ...(value !== undefined && { value }), ...http(status) });
  }
}

export class RateLimitedError extends AppError {
  constructor(cost: number, remaining: number, limit: number, resetInSeconds: number) {
    super(
      `Rate limit spent: this operation costs ${cost} points and ${remaining} of ${limit} remain in this window; the budget resets in ${resetInSeconds} s.`,
      'RATE_LIMITED',
      { cost, remaining, limit, resetInSeconds, ...http(429, { 'retry-after': String(resetInSeconds) }) },
    );
  }
}

export class UnauthenticatedError extends AppError {
  constructor(message: string) {
    super(
      message,
      'UNAUTHENTICATED',
      http(401, { 'www-authenticate': 'Bearer realm="aesthetic-knowledge-api"' }),
    );
  }
}

export class ForbiddenError extends AppError {
  constructor(message: string) {
    super(message, 'FORBIDDEN', http(403));
  }
}
