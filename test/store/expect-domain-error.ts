import { DomainError, type ErrorCode } from '../../src/domain/errors';

/** Asserts that `promise` rejects with a DomainError carrying `code`. */
export async function expectDomainError(promise: Promise<unknown>, code: ErrorCode): Promise<void> {
  const error = await promise.then(
    () => undefined,
    (reason: unknown) => reason,
  );
  expect(error).toBeInstanceOf(DomainError);
  expect((error as DomainError).code).toBe(code);
}
