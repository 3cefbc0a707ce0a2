import type { z } from 'zod';

/**
 * One named operation of the contract: a zod schema for its input and, as a
 * phantom type, its output. The schema validates at every boundary; the output
 * type flows to the renderer's client without being restated.
 */
export interface Operation<Input extends z.ZodType, Output> {
  readonly input: Input;
  readonly summary: string;
  /** Phantom: never set at run time, only carries the output type. */
  readonly __output?: Output;
}

export function operation<Output>() {
  return <Input extends z.ZodType>(input: Input, summary: string): Operation<Input, Output> => ({
    input,
    summary,
  });
}
