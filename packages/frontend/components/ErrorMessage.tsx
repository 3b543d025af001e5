import { QueueError } from '../helpers/Queue';
import { FetchApiHubError } from '../lib/fetch-api-hub';
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
