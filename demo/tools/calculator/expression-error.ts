/** A calculator expression that cannot be read or computed; the message says where and why. */
export class ExpressionError extends Error {
  override name = 'ExpressionError' as const;
  /** Character offset of the problem in the expression, when there is one. */
  readonly position: number | undefined;

  constructor(message: string, position?: number) {
    super(position === undefined ? message : `${message} (at position ${position + 1})`);
    this.position = position;
  }
}
