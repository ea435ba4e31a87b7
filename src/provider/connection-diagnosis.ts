import type { ProviderId } from './known-providers.js';

/** What a connection check found. */
export type ConnectionDiagnosisKind =
  | 'ok'
  | 'no-key'
  | 'key-rejected'
  | 'key-format'
  | 'cors-or-network'
  | 'model-not-found'
  | 'endpoint-not-found'
  | 'no-tool-support'
  | 'stream-options-rejected'
  | 'rate-limited'
  | 'server-error'
  | 'timeout'
  | 'rejected-request'
  | 'unknown';

/** A verdict worded for a person: what happened, what the server said, and what to do about it. */
export interface ConnectionDiagnosis {
  readonly kind: ConnectionDiagnosisKind;
  /** The provider the base URL belongs to, whose fixes are named (`other` for any other server). */
  readonly provider: ProviderId;
  /** One line. */
  readonly title: string;
  /** What the server or the browser reported. */
  readonly detail: string;
  /** What to do about it, for this endpoint. */
  readonly fix: string;
  /** A shell command that applies the fix, when there is one (e.g. `OLLAMA_ORIGINS=… ollama serve`). */
  readonly command?: string;
  /** For `ok`: milliseconds to the first streamed event. */
  readonly firstEventMs?: number;
  /** For `ok`: the model's first words, if any came. */
  readonly sample?: string;
}

/** What {@link diagnoseConnectionError} needs to know besides the error. */
export interface ConnectionDiagnosisContext {
  /** Base URL of the OpenAI-compatible API (`…/v1`); it picks the provider whose fixes are named. */
  readonly baseURL: string;
  /** The model asked for. */
  readonly model?: string | undefined;
  /** Whether a key was sent: a 401 without one asks for a key rather than calling it wrong. */
  readonly hasKey: boolean;
  /** The page's origin, for CORS advice. Default: `location.origin`. */
  readonly pageOrigin?: string | undefined;
}
