import type { FastifyError, FastifyInstance } from 'fastify';
import { hasZodFastifySchemaValidationErrors, isResponseSerializationError } from 'fastify-type-provider-zod';
import type { ErrorBody, ErrorCode } from '../../shared/schemas/common.ts';
import { AppError } from '../lib/errors.ts';

function body(code: ErrorCode, message: string, fields?: ErrorBody['error']['fields']): ErrorBody {
  return { error: fields ? { code, message, fields } : { code, message } };
}

/** Fastify's own 4xx errors mapped to our stable codes. Anything else is a 500 with no detail. */
const FASTIFY_CODES: Record<string, ErrorCode> = {
  FST_ERR_CTP_BODY_TOO_LARGE: 'payload_too_large',
  FST_ERR_CTP_INVALID_MEDIA_TYPE: 'unsupported_media_type',
  FST_ERR_CTP_INVALID_CONTENT_LENGTH: 'validation_failed',
  FST_ERR_CTP_EMPTY_JSON_BODY: 'validation_failed',
  FST_ERR_CTP_INVALID_JSON_BODY: 'validation_failed',
  FST_ERR_VALIDATION: 'validation_failed',
};

export function registerErrorHandling(app: FastifyInstance): void {
  app.setErrorHandler((error: FastifyError, request, reply) => {
    if (error instanceof AppError) {
      return reply.status(error.statusCode).send(body(error.code, error.message, error.fields));
    }
    if (hasZodFastifySchemaValidationErrors(error)) {
      const where = error.validationContext ?? 'body';
      const fields = error.validation.flatMap((issue) => {
        const sub = issue.instancePath.replace(/^\//, '').replaceAll('/', '.');
        const base = sub ? `${where}.${sub}` : where;
        // Unknown keys are refused, never silently dropped or written: name each one.
        const keys = issue.keyword === 'unrecognized_keys' ? (issue.params as { keys?: unknown }).keys : undefined;
        if (Array.isArray(keys) && keys.length) {
          return keys.map((key) => ({ path: `${base}.${String(key)}`, message: 'Unknown field' }));
        }
        return [{ path: base, message: issue.message ?? 'Not valid' }];
      });
      return reply.status(400).send(body('validation_failed', 'Some fields are not valid', fields));
    }
    if (isResponseSerializationError(error)) {
      // A response that does not match its schema is never sent: it might carry more than allowed.
      request.log.error({ err: error.cause }, 'response failed its schema');
      return reply.status(500).send(body('internal_error', 'Something went wrong on our side'));
    }
    const mapped = error.code ? FASTIFY_CODES[error.code] : undefined;
    if (mapped) {
      const message =
        mapped === 'payload_too_large'
          ? 'The request is too large'
          : mapped === 'unsupported_media_type'
            ? 'This content type is not accepted here'
            : 'The request body is not valid';
      return reply.status(error.statusCode ?? 400).send(body(mapped, message));
    }
    if (error.statusCode && error.statusCode >= 400 && error.statusCode < 500) {
      const code: ErrorCode = error.statusCode === 429 ? 'too_many_requests' : 'validation_failed';
      return reply.status(error.statusCode).send(body(code, 'The request could not be processed'));
    }
    request.log.error({ err: error }, 'unhandled error');
    return reply.status(500).send(body('internal_error', 'Something went wrong on our side'));
  });

  app.setNotFoundHandler((request, reply) => {
    reply.status(404).send(body('not_found', 'Not found'));
  });
}
