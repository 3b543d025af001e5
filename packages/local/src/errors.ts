/** Every error ctp-local throws itself: a stable `code` and a message that says what to do. */
export class LocalError extends Error {
  constructor(
    readonly code: 'LOCAL_USAGE' | 'LOCAL_BUNDLE_NOT_FOUND' | 'LOCAL_FILE_NOT_FOUND' | 'LOCAL_PORT_BUSY',
    message: string,
  ) {
    super(message);
    this.name = new.target.name;
  }
}

/** The command line cannot be understood (an unknown flag, a missing value, a port that is not a number). */
export class LocalUsageError extends LocalError {
  constructor(message: string) {
    super('LOCAL_USAGE', message);
  }
}

/** `--bundle` names no file. */
export class BundleNotFoundError extends LocalError {
  constructor(readonly file: string) {
    super('LOCAL_BUNDLE_NOT_FOUND', `No bundle at ${file}. Build your backend first (\`yarn build\` in backend/ writes build/bundle.min.js) and pass that file with --bundle.`);
  }
}

/** `--project` or `--pages` names no file. */
export class LocalFileNotFoundError extends LocalError {
  constructor(
    readonly flag: string,
    readonly file: string,
  ) {
    super('LOCAL_FILE_NOT_FOUND', `${flag} ${file}: there is no such file.`);
  }
}

/** A port ctp-local needs is taken by another program. */
export class LocalPortBusyError extends LocalError {
  constructor(
    readonly port: number,
    readonly part: string,
    readonly flag: string,
  ) {
    super('LOCAL_PORT_BUSY', `Port ${port} (${part}) is in use by another program. Stop it, or choose another port with ${flag} <port> (0 picks a free one).`);
  }
}
