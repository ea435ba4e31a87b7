/**
 * Why a recording could not be loaded: not JSON, not a recording at all, written by a newer
 * version of the library, or a recording whose fields are wrong.
 */
export type RecordingProblem = 'not-json' | 'not-a-recording' | 'newer-version' | 'invalid';

/** Thrown by `parseRecording` when its input is not a recording this library can replay. */
export class RecordingFormatError extends Error {
  override name = 'RecordingFormatError' as const;
  /** What is wrong, for code that handles the cases differently. */
  readonly problem: RecordingProblem;
  /** The `version` the input declared, when it declared one. */
  readonly version: unknown;

  constructor(
    problem: RecordingProblem,
    message: string,
    options: { readonly version?: unknown; readonly cause?: unknown } = {},
  ) {
    super(message, options.cause === undefined ? undefined : { cause: options.cause });
    this.problem = problem;
    this.version = options.version;
  }
}
