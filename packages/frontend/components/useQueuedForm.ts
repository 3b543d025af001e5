'use client';

import { useActionState, useRef, useState, type FormEvent } from 'react';
import { hasErrors, IDLE, VIA_FIELD, VIA_SCRIPT, type FormAction, type FormError, type FormState } from '../lib/forms/form-state';
import { queuedServerAction, type QueuedServerActionOptions } from '../lib/queued-server-action';
import { errorText } from './ErrorMessage';
import { withoutErrorOf, type FieldErrors } from './field-errors';

export interface QueuedFormOptions<T> extends QueuedServerActionOptions<T> {
  /** The hub action the form stands for (`/action/cart/addToCart`): reads are not news for other tabs. */
  actionPath: string;
  /** The browser's own checks: an error shows at once, and nothing is sent. */
  check?: (form: FormData) => FieldErrors;
  /** After a success, outside the queue (navigation, caches). */
  onDone?: (data: T) => void | Promise<void>;
}

function codeOf(error: unknown): string {
  const code = typeof error === 'object' && error !== null ? (error as { code?: unknown }).code : undefined;
  return typeof code === 'string' ? code : 'UNEXPECTED';
}

const failedWith = (error: FormError, fields?: FieldErrors): FormState<never> => ({ status: 'failed', error, ...(fields === undefined ? {} : { fields }) });

/**
 * One store form, working with and without JavaScript. `formAction` goes on `<form action>`: without
 * JavaScript the browser posts the form and the server runs the Server Action (React renders the state it
 * answers). With JavaScript `onSubmit` takes over: it checks the form, sends nothing while a submission of
 * this form is on its way (no double submit), and calls the same Server Action in its turn of the browser-wide
 * queue, so it is ordered with every other action of every tab.
 */
export function useQueuedForm<T>(action: FormAction<T>, options: QueuedFormOptions<T>) {
  const [serverState, formAction] = useActionState(action, IDLE as FormState<T>);
  const [clientState, setClientState] = useState<FormState<T> | undefined>();
  const [pending, setPending] = useState(false);
  const sending = useRef(false);
  const state = clientState ?? serverState;

  const onSubmit = (event: FormEvent<HTMLFormElement>) => {
    event.preventDefault();
    if (sending.current) return;
    const form = new FormData(event.currentTarget, (event.nativeEvent as SubmitEvent).submitter);
    const fields = options.check?.(form) ?? {};
    if (hasErrors(fields)) {
      setClientState(failedWith({ code: 'INVALID_INPUT', message: 'Please correct the marked fields.' }, fields));
      return;
    }
    form.set(VIA_FIELD, VIA_SCRIPT);
    sending.current = true;
    setPending(true);
    setClientState(IDLE);
    void queuedServerAction(options.actionPath, () => action(IDLE, form), options)
      .then(async (answer) => {
        if (answer.status === 'done') await options.onDone?.(answer.data);
        setClientState(answer);
      })
      .catch((error: unknown) => setClientState(failedWith({ code: codeOf(error), message: errorText(error) })))
      .finally(() => {
        sending.current = false;
        setPending(false);
      });
  };

  /** An error goes as soon as its field is edited. */
  const onInput = (event: FormEvent<HTMLFormElement>) => {
    if (state.status === 'failed' && state.fields !== undefined) setClientState({ ...state, fields: withoutErrorOf(state.fields, event.target) });
  };

  return { state, formAction, onSubmit, onInput, pending };
}
