import type { ReceivedMail } from './received-mail.js';

// C0 and C1 controls, DEL, format characters (bidi overrides such as U+202E, zero-width characters) and line
// separators: a From or Subject line must not move the cursor, start a terminal sequence (U+009B is CSI) or
// reorder what a reader sees of the log.
const UNPRINTABLE = /[\p{Cc}\p{Cf}\p{Zl}\p{Zp}]+/gu;
const MAX_FIELD = 200;
const RECIPIENTS_SHOWN = 5;

function printable(text: string): string {
  // Cut before cleaning: the pattern then never reads more than a short field.
  const cut = text.length > MAX_FIELD * 2 ? text.slice(0, MAX_FIELD * 2) : text;
  const clean = cut.replace(UNPRINTABLE, ' ');
  return clean.length > MAX_FIELD || cut.length < text.length ? `${clean.slice(0, MAX_FIELD)}…` : clean;
}

function recipients(to: readonly string[]): string {
  const shown = to.slice(0, RECIPIENTS_SHOWN).map(printable).join(', ');
  return to.length > RECIPIENTS_SHOWN ? `${shown} and ${to.length - RECIPIENTS_SHOWN} more` : shown;
}

/** One line per mail: ids, addresses, subject and size, never the body (it carries verification and reset tokens). */
export function mailLogLine(mail: ReceivedMail): string {
  return `mail ${mail.id} from ${printable(mail.from)} to ${recipients(mail.to)} "${printable(mail.subject)}" (${mail.sizeBytes} bytes)`;
}
