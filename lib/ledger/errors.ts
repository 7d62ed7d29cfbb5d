/** A failure the user should see as is: bad input, not found, refused. `where` names the field or CSV row. */
export class LedgerError extends Error {
  constructor(
    readonly code: string,
    message: string,
    readonly where?: string,
  ) {
    super(message);
    this.name = 'LedgerError';
  }
}
