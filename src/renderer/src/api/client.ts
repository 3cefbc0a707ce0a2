import type {
  InputOf,
  OperationName,
  OutputOf,
  PushEventName,
  PushEvents,
} from '../../../shared/contract';
import { ApiError } from './ApiError';
import { transport } from './transport';

/**
 * Calls one operation of the contract. Argument and result types come from the
 * contract itself; an `{ ok: false }` answer is thrown as an ApiError.
 */
export async function invoke<N extends OperationName>(name: N, input: InputOf<N>): Promise<OutputOf<N>> {
  const result = await transport().invoke(name, input);
  if (!result.ok) throw new ApiError(result.error);
  // The core validated the input against this operation, so its output has this type.
  return result.data as OutputOf<N>;
}

export function onPushEvent<E extends PushEventName>(
  event: E,
  listener: (payload: PushEvents[E]) => void,
): () => void {
  return transport().on(event, listener);
}
