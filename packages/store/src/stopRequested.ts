/** The store was asked to stop (Ctrl-C, SIGTERM, an aborted signal) before it had started. */
export class StoreStopRequestedError extends Error {
  readonly code = 'STORE_STOP_REQUESTED';
  override readonly name = 'StoreStopRequestedError';
  constructor() {
    super('The store was asked to stop while it was starting; everything it had started is stopped. Run `yarn start` again to start it.');
  }
}
