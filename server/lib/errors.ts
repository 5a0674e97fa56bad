import type { ErrorCode } from '../../shared/schemas/common.ts';

const STATUS: Record<ErrorCode, number> = {
  validation_failed: 400,
  weak_password: 400,
  invalid_credentials: 401,
  unauthenticated: 401,
  cross_site_request: 403,
  not_allowed: 403,
  sign_in_incomplete: 401,
  step_up_required: 403,
  not_found: 404,
  conflict: 409,
  payload_too_large: 413,
  unsupported_media_type: 415,
  too_many_requests: 429,
  internal_error: 500,
};

export interface FieldError {
  path: string;
  message: string;
}

/** An error the client may see: a stable code, a human message, optionally the fields at fault. */
export class AppError extends Error {
  readonly code: ErrorCode;
  readonly statusCode: number;
  readonly fields: FieldError[] | undefined;

  constructor(code: ErrorCode, message: string, fields?: FieldError[]) {
    super(message);
    this.code = code;
    this.statusCode = STATUS[code];
    this.fields = fields;
  }
}

/** Hidden and missing look the same: callers never learn that something exists. */
export function notFound(what = 'Not found'): AppError {
  return new AppError('not_found', what);
}

export function invalid(path: string, message: string): AppError {
  return new AppError('validation_failed', 'Some fields are not valid', [{ path, message }]);
}
