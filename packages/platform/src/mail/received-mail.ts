/** One received mail, as `GET /__platform/mail` lists it. */
export interface ReceivedMail {
  readonly id: string;
  /** The `From` header as text, else the envelope sender. */
  readonly from: string;
  /** Every recipient of the envelope (To, Cc and Bcc alike). */
  readonly to: readonly string[];
  readonly subject: string;
  readonly text: string | null;
  readonly html: string | null;
  /** The `Date` header, else the time it arrived (ISO 8601). */
  readonly date: string;
  readonly receivedAt: string;
  readonly messageId: string | null;
  /** The message as received plus its envelope (`MAIL FROM` and every `RCPT TO` command): what the limits count. */
  readonly sizeBytes: number;
}
