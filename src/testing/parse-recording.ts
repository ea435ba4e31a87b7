import { describeIssues } from '../messages/describe-issues.js';
import type { Recording } from './recording.js';
import { recordingVersion } from './recording.js';
import { RecordingFormatError } from './recording-format-error.js';
import { recordingSchema } from './recording-schema.js';

const isObject = (value: unknown): value is Readonly<Record<string, unknown>> =>
  typeof value === 'object' && value !== null && !Array.isArray(value);

function fromText(text: string): unknown {
  try {
    return JSON.parse(text) as unknown;
  } catch (error) {
    throw new RecordingFormatError(
      'not-json',
      `The recording is not valid JSON: ${String(error)}`,
      {
        cause: error,
      },
    );
  }
}

/**
 * Checks a recording (its JSON text, or the value parsed from it) and returns it typed.
 *
 * @throws {RecordingFormatError} with `problem` `'not-json'`, `'not-a-recording'` (no
 * `version` and `exchanges`), `'newer-version'` (written by a newer library: update to replay
 * it) or `'invalid'` (the message names the first wrong fields).
 * @example const recording = parseRecording(await (await fetch('/turn.json')).text());
 */
export function parseRecording(input: unknown): Recording {
  const value = typeof input === 'string' ? fromText(input) : input;
  if (!isObject(value) || !('version' in value) || !('exchanges' in value))
    throw new RecordingFormatError(
      'not-a-recording',
      'This is not a tool-agents recording: it needs a "version" and an "exchanges" array.',
    );
  const { version } = value;
  if (typeof version === 'number' && Number.isInteger(version) && version > recordingVersion)
    throw new RecordingFormatError(
      'newer-version',
      `The recording has format version ${version}; this version of tool-agents reads version ${recordingVersion}. Update tool-agents to replay it.`,
      { version },
    );
  const result = recordingSchema().safeParse(value, { reportInput: true });
  if (!result.success)
    throw new RecordingFormatError(
      'invalid',
      `The recording is invalid: ${describeIssues(result.error)}.`,
      { version, cause: result.error },
    );
  return result.data;
}
