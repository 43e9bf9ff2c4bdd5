// What a curation mutation reports to its client instead of writing: a user error with a stable
// code and the path of the input field at fault. Thrown inside the unit of work, it rolls the
// transaction back (nothing half-written); the mutation field turns it into its payload's `errors`.

export type UserErrorCode =
  | 'VALIDATION'
  | 'NOT_FOUND'
  | 'CONFLICT'
  | 'ALREADY_EXISTS'
  | 'IN_USE'
  | 'CITATION_REQUIRED'
  | 'UNKNOWN_CITATION';

export interface UserErrorShape {
  code: UserErrorCode;
  message: string;
  /** Where in the mutation's arguments, e.g. `["input", "citations", "0", "section"]`. */
  path: string[];
  /** On CONFLICT: the version the entity has now. */
  currentVersion?: number | null;
  /** On IN_USE: what still refers to the entity (`treatment/prp-injection`, …). */
  dependents?: string[] | null;
}

export class UserFault extends Error {
  constructor(readonly errors: UserErrorShape[]) {
    super(errors.map((e) => `${e.path.join('.')}: ${e.message}`).join('; '));
    this.name = 'UserFault';
  }

  static of(code: UserErrorCode, path: string[], message: string, extra: Partial<UserErrorShape> = {}) {
    return new UserFault([{ code, path, message, ...extra }]);
  }
}
