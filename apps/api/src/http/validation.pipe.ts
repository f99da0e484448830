import { ValidationPipe, type ValidationError } from '@nestjs/common';
import { ValidationFailed, type FieldError } from '@rowan/kernel';

/** Whitelisted, transformed DTOs; unknown fields refused; every failing field named in the problem. */
export function createValidationPipe(): ValidationPipe {
  return new ValidationPipe({
    whitelist: true,
    forbidNonWhitelisted: true,
    transform: true,
    transformOptions: { enableImplicitConversion: false },
    validationError: { target: false, value: false },
    exceptionFactory: (errors) => {
      const fieldErrors = flatten(errors);
      return new ValidationFailed(
        `The request has ${fieldErrors.length === 1 ? 'a problem' : `${fieldErrors.length} problems`}: ${fieldErrors
          .map((e) => `${e.field} ${e.message}`)
          .join('; ')}`,
        fieldErrors,
      );
    },
  });
}

function flatten(errors: readonly ValidationError[], parent = ''): FieldError[] {
  return errors.flatMap((error) => {
    const field = parent ? `${parent}.${error.property}` : error.property;
    const own = Object.values(error.constraints ?? {}).map((message) => ({
      field,
      message: message.startsWith(`property ${error.property} should not exist`)
        ? 'is not a field this endpoint accepts'
        : message.replace(new RegExp(`^${escape(error.property)}\\s`), ''),
    }));
    return [...own, ...flatten(error.children ?? [], field)];
  });
}

function escape(text: string): string {
  return text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
}
