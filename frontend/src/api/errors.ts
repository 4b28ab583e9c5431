// GraphQL errors as the UI shows them: message plus the server's `extensions.code`.

/** One error as the server reported it. */
export interface ApiErrorDetail {
  message: string;
  /** UNAUTHENTICATED, FORBIDDEN, BAD_USER_INPUT, NOT_FOUND, CONFLICT, UNAVAILABLE, INTERNAL_SERVER_ERROR, or NETWORK_ERROR. */
  code: string;
  path?: string;
}

/** A request that failed: the GraphQL errors, or one NETWORK_ERROR when the server gave no answer. */
export class ApiError extends Error {
  readonly details: ApiErrorDetail[];

  constructor(details: ApiErrorDetail[]) {
    super(details.map((d) => `${d.code}: ${d.message}`).join('; ') || 'request failed');
    this.name = 'ApiError';
    this.details = details;
  }

  /** Whether any of the errors has this code. */
  hasCode(code: string): boolean {
    return this.details.some((d) => d.code === code);
  }
}

/** Reads the `errors` array of a GraphQL response into details, tolerating odd shapes. */
export function parseGraphQLErrors(errors: unknown): ApiErrorDetail[] {
  if (!Array.isArray(errors)) return [];
  return errors.map((raw: unknown) => {
    const error = (raw ?? {}) as { message?: unknown; extensions?: { code?: unknown }; path?: unknown };
    const code = typeof error.extensions?.code === 'string' ? error.extensions.code : 'UNKNOWN';
    const message = typeof error.message === 'string' ? error.message : 'unknown error';
    const path = Array.isArray(error.path) ? error.path.join('.') : undefined;
    return path === undefined ? { message, code } : { message, code, path };
  });
}

/** Any thrown value as error details, so every failure can be shown with a code. */
export function toErrorDetails(error: unknown): ApiErrorDetail[] {
  if (error instanceof ApiError) return error.details;
  if (error instanceof Error) return [{ message: error.message, code: 'CLIENT_ERROR' }];
  return [{ message: String(error), code: 'CLIENT_ERROR' }];
}
