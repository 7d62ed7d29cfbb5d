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

/**
 * Saving a contact with an identity of a person who was erased (Art. 17): refused unless the caller confirms
 * and records a basis, so nobody is added back silently. `erasedAt` is the day of the erasure request.
 */
export class ErasedIdentityError extends LedgerError {
  constructor(
    readonly erasedAt: string,
    where: string,
    readonly basisMissing: boolean,
  ) {
    super(
      'erased-identity',
      basisMissing
        ? `This person was erased at their request on ${erasedAt}. To add them again, confirm and record the basis you now have.`
        : `This person was erased at their request on ${erasedAt}. Confirm that you may add them again.`,
      where,
    );
    this.name = 'ErasedIdentityError';
  }
}
