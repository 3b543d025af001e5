import { QueueError } from '../helpers/Queue';
import { FetchApiHubError } from '../lib/fetch-api-hub';
import type { FormState } from '../lib/forms/form-state';
import { SessionEndedError } from '../lib/session-end';

export function errorText(error: unknown): string {
  // These messages are written for the shopper.
  if (error instanceof FetchApiHubError || error instanceof QueueError || error instanceof SessionEndedError) return error.message;
  if (error instanceof Error && error.name === 'AbortError') return 'The request was cancelled.';
  return 'Something went wrong; please try again.';
}

export function ErrorMessage({ error, id }: { error: unknown; id?: string }) {
  if (error === undefined || error === null) return null;
  return (
    <p className="error" role="alert" id={id}>
      {errorText(error)}
    </p>
  );
}

/** A form's failure, unless its fields say what is wrong. The message is the server's or the extension's, written for the shopper. */
export function FormStateError({ state }: { state: FormState<unknown> }) {
  if (state.status !== 'failed' || state.fields !== undefined) return null;
  return (
    <p className="error" role="alert" data-code={state.error.code}>
      {state.error.message}
    </p>
  );
}
