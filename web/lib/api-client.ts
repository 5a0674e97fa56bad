import type { z } from 'zod';
import { ErrorBodySchema, type ErrorCode } from '../../shared/schemas/common.ts';

export interface FieldProblem {
  path: string;
  message: string;
}

/** Codes the server sends, plus two for failures that never reached a server answer. */
export type ApiErrorCode = ErrorCode | 'network_error' | 'unexpected_response';

/**
 * Every failed API call throws this. The client never navigates or shows messages itself:
 * the app shell reacts to `unauthenticated`, and forms show `message` and `fields`.
 */
export class ApiError extends Error {
  readonly status: number;
  readonly code: ApiErrorCode;
  readonly fields: FieldProblem[];

  constructor(status: number, code: ApiErrorCode, message: string, fields: FieldProblem[] = []) {
    super(message);
    this.name = 'ApiError';
    this.status = status;
    this.code = code;
    this.fields = fields;
  }
}

export function isApiError(error: unknown): error is ApiError {
  return error instanceof ApiError;
}

/** True when the session is gone (not for a wrong password, which is also a 401). */
export function isUnauthenticated(error: unknown): boolean {
  return isApiError(error) && error.code === 'unauthenticated';
}

/** The session exists but has not finished signing in (second factor or set-up pending). */
export function isSignInIncomplete(error: unknown): boolean {
  return isApiError(error) && error.code === 'sign_in_incomplete';
}

/**
 * Asks the person to prove again who they are (password or code) before a sensitive change; set by
 * the step-up dialog (web/features/auth/components/step-up-dialog.tsx). Resolves true once they did,
 * false if they cancelled.
 */
let stepUpHandler: (() => Promise<boolean>) | null = null;
export function setStepUpHandler(handler: (() => Promise<boolean>) | null): void {
  stepUpHandler = handler;
}

/** Turns the server's error body (any status) into an ApiError. */
export function errorFromResponse(status: number, text: string): ApiError {
  let parsed: unknown;
  try {
    parsed = text ? JSON.parse(text) : undefined;
  } catch {
    parsed = undefined;
  }
  const body = ErrorBodySchema.safeParse(parsed);
  if (body.success) {
    const { code, message, fields } = body.data.error;
    return new ApiError(status, code, message, fields ?? []);
  }
  return new ApiError(status, 'unexpected_response', `The server answered with an unexpected error (${status})`);
}

function parseBody<T>(schema: z.ZodType<T> | undefined, text: string, status: number): T {
  if (!schema) return undefined as T;
  let json: unknown;
  try {
    json = JSON.parse(text);
  } catch {
    throw new ApiError(status, 'unexpected_response', 'The server sent a reply the app could not read');
  }
  const result = schema.safeParse(json);
  if (!result.success) {
    throw new ApiError(status, 'unexpected_response', 'The server sent a reply the app could not read');
  }
  return result.data;
}

type Query = Record<string, string | number | boolean | undefined | null>;

export function withQuery(path: string, query: Query | undefined): string {
  if (!query) return path;
  const params = new URLSearchParams();
  for (const [key, value] of Object.entries(query)) {
    if (value !== undefined && value !== null && value !== '') params.set(key, String(value));
  }
  const text = params.toString();
  return text ? `${path}?${text}` : path;
}

interface RequestOptions<T> {
  method?: 'GET' | 'POST' | 'PATCH' | 'PUT' | 'DELETE';
  /** Sent as JSON. */
  body?: unknown;
  query?: Query;
  /** Validates the reply; omit for 204 answers. */
  schema?: z.ZodType<T>;
  signal?: AbortSignal;
}

/**
 * JSON over fetch, same origin, with the session cookie. A `step_up_required` answer opens the
 * step-up dialog and, once the person has confirmed, sends the same request again (once).
 */
export async function apiRequest<T = undefined>(path: string, options: RequestOptions<T> = {}): Promise<T> {
  try {
    return await sendRequest(path, options);
  } catch (error) {
    if (!(isApiError(error) && error.code === 'step_up_required' && stepUpHandler)) throw error;
    if (!(await stepUpHandler())) throw error;
    return sendRequest(path, options);
  }
}

async function sendRequest<T>(path: string, options: RequestOptions<T>): Promise<T> {
  const { method = 'GET', body, query, schema, signal } = options;
  let response: Response;
  try {
    response = await fetch(withQuery(path, query), {
      method,
      credentials: 'same-origin',
      headers: {
        Accept: 'application/json',
        ...(body === undefined ? {} : { 'Content-Type': 'application/json' }),
      },
      body: body === undefined ? null : JSON.stringify(body),
      signal: signal ?? null,
    });
  } catch (error) {
    if (error instanceof DOMException && error.name === 'AbortError') throw error;
    throw new ApiError(0, 'network_error', 'Could not reach Peerline. Check your connection and try again.');
  }
  const text = await response.text();
  if (!response.ok) throw errorFromResponse(response.status, text);
  if (response.status === 204) return undefined as T;
  return parseBody(schema, text, response.status);
}

export const api = {
  get: <T>(path: string, schema: z.ZodType<T>, query?: Query, signal?: AbortSignal) => apiRequest(path, { schema, query, signal }),
  post: <T = undefined>(path: string, body?: unknown, schema?: z.ZodType<T>) => apiRequest(path, { method: 'POST', body, schema }),
  patch: <T = undefined>(path: string, body: unknown, schema?: z.ZodType<T>) => apiRequest(path, { method: 'PATCH', body, schema }),
  put: <T = undefined>(path: string, body: unknown, schema?: z.ZodType<T>) => apiRequest(path, { method: 'PUT', body, schema }),
  delete: (path: string) => apiRequest(path, { method: 'DELETE' }),
};

export interface UploadOptions<T> {
  contentType: string;
  schema: z.ZodType<T>;
  /** Called with 0..1 while the body is being sent. */
  onProgress?: (fraction: number) => void;
  signal?: AbortSignal;
}

/**
 * POST a file with XMLHttpRequest, because fetch cannot report upload progress.
 * Resolves with the parsed reply or rejects with an ApiError, like apiRequest.
 */
export function uploadFile<T>(path: string, file: Blob, options: UploadOptions<T>): Promise<T> {
  return new Promise<T>((resolve, reject) => {
    const xhr = new XMLHttpRequest();
    xhr.open('POST', path);
    xhr.setRequestHeader('Content-Type', options.contentType);
    xhr.setRequestHeader('Accept', 'application/json');
    xhr.upload.onprogress = (event) => {
      if (event.lengthComputable && options.onProgress) options.onProgress(event.loaded / event.total);
    };
    xhr.upload.onload = () => options.onProgress?.(1);
    xhr.onload = () => {
      if (xhr.status < 200 || xhr.status >= 300) {
        reject(errorFromResponse(xhr.status, xhr.responseText));
        return;
      }
      try {
        resolve(parseBody(options.schema, xhr.responseText, xhr.status));
      } catch (error) {
        reject(error);
      }
    };
    xhr.onerror = () => reject(new ApiError(0, 'network_error', 'The upload failed. Check your connection and try again.'));
    xhr.onabort = () => reject(new DOMException('The upload was cancelled', 'AbortError'));
    options.signal?.addEventListener('abort', () => xhr.abort(), { once: true });
    xhr.send(file);
  });
}

/** Server field paths look like `body.newPassword`; forms name their inputs `newPassword`. */
export function fieldErrors(error: unknown): Record<string, string> {
  if (!isApiError(error)) return {};
  const result: Record<string, string> = {};
  for (const field of error.fields) {
    const name = field.path.replace(/^(body|query|params)\./, '');
    result[name] ??= field.message;
  }
  return result;
}
