export { startLocal, DEFAULT_HUB_PORT, DEFAULT_PLATFORM_PORT, DEFAULT_SMTP_PORT, type Local, type LocalLogger, type LocalOptions, type LocalPlatform } from './startLocal.js';
export { BundleNotFoundError, LocalError, LocalFileNotFoundError, LocalPortBusyError, LocalUsageError } from './errors.js';
