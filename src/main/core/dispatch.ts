import type { z } from 'zod';
import { contract, isOperationName } from '../../shared/contract';
import { AppError, fail, ok, type Result } from '../../shared/errors';
import type { Handler, HandlerContext, Handlers } from './handler';

export interface ValidationIssue {
  path: string;
  message: string;
}

function describeIssues(error: z.ZodError): { sentence: string; issues: ValidationIssue[] } {
  const issues = error.issues.map((issue) => ({
    path: issue.path.map(String).join('.'),
    message: issue.message,
  }));
  const first = issues[0];
  const sentence = first
    ? `The request is not valid: ${first.path ? `${first.path} ` : ''}${first.message}.`
    : 'The request is not valid.';
  return { sentence, issues };
}

export type Logger = (message: string, error: unknown) => void;

/**
 * The one door into the core: an operation name and an untrusted input in, a
 * Result out. Never throws; unknown failures become INTERNAL and are logged
 * here, so no stack trace ever reaches a window or a browser.
 */
export async function dispatch(
  handlers: Handlers,
  ctx: HandlerContext,
  name: string,
  input: unknown,
  log: Logger,
): Promise<Result<unknown>> {
  if (!isOperationName(name)) {
    return fail('NOT_FOUND', `There is no operation called "${name.slice(0, 80)}".`);
  }
  const parsed = contract[name].input.safeParse(input ?? {});
  if (!parsed.success) {
    const { sentence, issues } = describeIssues(parsed.error);
    return fail('VALIDATION', sentence, { issues });
  }
  try {
    const handler = handlers[name] as Handler<typeof name>;
    return ok(await handler(parsed.data as never, ctx));
  } catch (error) {
    if (error instanceof AppError) return { ok: false, error: error.toValue() };
    log(`operation ${name} failed`, error);
    return fail('INTERNAL', 'Something went wrong inside Backroom; the details are in its log.');
  }
}
