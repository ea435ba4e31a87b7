import { presetById, type PresetId } from './endpoint-presets.js';

/** The endpoint the page uses (everything but the key, which is kept apart). */
export interface EndpointSettings {
  readonly presetId: PresetId;
  readonly baseURL: string;
  readonly model: string;
  /** Send `stream_options.include_usage` (some hosts reject it). */
  readonly includeUsage: boolean;
}

const storageKey = 'tool-agents-demo:endpoint';

/** The built-in demo model, offline. */
const demoEndpoint: EndpointSettings = {
  presetId: 'demo',
  baseURL: presetById('demo').baseURL,
  model: presetById('demo').model,
  includeUsage: true,
};

/** The endpoint chosen last time on this device, or the demo model. */
export function loadEndpointSettings(): EndpointSettings {
  try {
    const data = JSON.parse(localStorage.getItem(storageKey) ?? 'null') as Partial<
      Record<keyof EndpointSettings, unknown>
    > | null;
    if (
      !data ||
      typeof data.presetId !== 'string' ||
      typeof data.baseURL !== 'string' ||
      typeof data.model !== 'string'
    )
      return demoEndpoint;
    return {
      presetId: presetById(data.presetId).id,
      baseURL: data.baseURL,
      model: data.model,
      includeUsage: data.includeUsage !== false,
    };
  } catch {
    return demoEndpoint;
  }
}

/** Remembers the chosen endpoint (never the key). */
export function saveEndpointSettings(settings: EndpointSettings): void {
  try {
    localStorage.setItem(storageKey, JSON.stringify(settings));
  } catch {
    // Storage blocked: the choice lasts until the page closes.
  }
}
