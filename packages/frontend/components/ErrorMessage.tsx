import { FetchApiHubError } from '../lib/fetch-api-hub';

export function errorText(error: unknown): string {
  if (error instanceof FetchApiHubError) return error.message;
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
