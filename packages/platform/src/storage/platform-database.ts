import { existsSync, mkdirSync } from 'node:fs';
import { dirname } from 'node:path';
import { DatabaseSync } from 'node:sqlite';
import { PlatformDataCorruptError, PlatformDataSchemaError } from '../errors.js';
import { MOCK_TABLES, PLATFORM_TABLES, SCHEMA_VERSION } from './schema.js';

/** What a refused data file's error tells the reader to do, unless the caller knows better (`yarn start --fresh`). */
export const DEFAULT_DATA_RECOVERY = 'Move it away (or delete it) to start from the seed.';

/**
 * The SQLite database of the platform's own state (tokens, email tokens, the mail inbox): in memory, or in
 * `file`, which then also holds the mock's resources. A file is checked before anything is written to it: a
 * damaged one (PlatformDataCorruptError) or one of another schema (PlatformDataSchemaError) is refused and
 * left exactly as it was. A new file gets the platform's tables and schema version in one transaction.
 */
export function openPlatformDatabase(file: string | undefined, recovery: string = DEFAULT_DATA_RECOVERY): DatabaseSync {
  if (file === undefined) {
    const db = new DatabaseSync(':memory:');
    db.exec(PLATFORM_TABLES);
    return db;
  }
  mkdirSync(dirname(file), { recursive: true });
  let db: DatabaseSync | undefined;
  try {
    db = new DatabaseSync(file);
    // Reads every page's structure: a truncated or overwritten file fails here rather than half-way through a request.
    const problems = (db.prepare('PRAGMA quick_check').all() as { quick_check: string }[]).map((row) => row.quick_check).filter((line) => line !== 'ok');
    if (problems.length > 0) throw new Error(problems.slice(0, 3).join('; '));
    checkSchema(db, file, recovery);
  } catch (error) {
    db?.close();
    if (error instanceof PlatformDataSchemaError) throw error;
    throw new PlatformDataCorruptError(file, error instanceof Error ? error.message : String(error), recovery);
  }
  // WAL: a process killed at any moment loses at most the write in flight, and readers never wait for writers.
  // FULL makes every acknowledged write durable before the answer goes out.
  db.exec('PRAGMA journal_mode = WAL; PRAGMA synchronous = FULL; PRAGMA busy_timeout = 5000;');
  if (userVersion(db) === 0) {
    db.exec(`BEGIN IMMEDIATE; ${PLATFORM_TABLES} PRAGMA user_version = ${SCHEMA_VERSION}; COMMIT;`);
  }
  return db;
}

function checkSchema(db: DatabaseSync, file: string, recovery: string): void {
  const version = userVersion(db);
  if (version === SCHEMA_VERSION) return;
  if (version !== 0) {
    const age = version < SCHEMA_VERSION ? 'an older' : 'a newer';
    throw new PlatformDataSchemaError(file, `has schema version ${version}, written by ${age} platform; this one reads version ${SCHEMA_VERSION}`, recovery);
  }
  const tables = (db.prepare("SELECT name FROM sqlite_master WHERE type = 'table' AND name NOT LIKE 'sqlite_%' ORDER BY name").all() as { name: string }[]).map((row) => row.name);
  if (tables.length === 0) return;
  const whose = tables.every((name) => (MOCK_TABLES as readonly string[]).includes(name)) ? "is @labdigital/commercetools-mock's own storage, without the platform's tables" : `holds tables this platform did not write (${tables.slice(0, 5).join(', ')})`;
  throw new PlatformDataSchemaError(file, whose, recovery);
}

function userVersion(db: DatabaseSync): number {
  return (db.prepare('PRAGMA user_version').get() as { user_version: number }).user_version;
}

/**
 * Checks a data file as `startPlatform` would, without starting anything: a caller with slow work ahead (builds)
 * refuses a damaged file or one of another schema first. A missing file is fine: it will be created.
 */
export function checkPlatformDataFile(file: string, recovery: string = DEFAULT_DATA_RECOVERY): void {
  if (existsSync(file)) openPlatformDatabase(file, recovery).close();
}
