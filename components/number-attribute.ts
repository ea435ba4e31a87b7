import type { ComplexAttributeConverter } from 'lit';

/** How one numeric attribute of `<tool-agent-chat>` is read and checked. */
export interface NumberAttributeSpec<Fallback extends number | undefined> {
  /** The attribute's name, e.g. `max-iterations`. */
  readonly attribute: string;
  /** The property's name, e.g. `maxIterations`. */
  readonly property: string;
  /** The value used when it is absent or invalid (`undefined`: "not set"). */
  readonly fallback: Fallback;
  /** True for an acceptable value. */
  readonly accepts: (value: number) => boolean;
  /** What an acceptable value is, for the warning, e.g. "a whole number of at least 1". */
  readonly expected: string;
}

/** A checked numeric attribute: its Lit converter, and the same check for values set from script. */
export interface NumberAttribute<Fallback extends number | undefined> {
  /** For `@property({ converter })`: an invalid attribute value becomes the fallback, with one warning. */
  readonly converter: ComplexAttributeConverter<number | Fallback>;
  /** For the property's setter: an invalid value becomes the fallback, with one warning. */
  read(value: unknown): number | Fallback;
}

function shown(value: unknown): string {
  if (typeof value === 'string') return JSON.stringify(value);
  if (typeof value === 'number' || typeof value === 'boolean' || value === null)
    return String(value);
  return typeof value;
}

/**
 * Reads numeric attributes and properties so that a typo cannot disable a bound: `max-iterations="ten"`
 * (which `Number` turns into `NaN`) falls back to the default with one `console.warn` naming the
 * attribute and the value, instead of looping without end. Absent and empty values mean "default"
 * and warn nothing; `"Infinity"` is a number like any other, for the checks that accept it.
 */
export function numberAttribute<Fallback extends number | undefined>(
  spec: NumberAttributeSpec<Fallback>,
): NumberAttribute<Fallback> {
  const fallbackText =
    spec.fallback === undefined ? 'leaving it unset' : `using the default ${spec.fallback}`;
  const reject = (what: string): Fallback => {
    console.warn(
      `<tool-agent-chat>: ignoring ${what}: expected ${spec.expected}; ${fallbackText}.`,
    );
    return spec.fallback;
  };
  return {
    converter: {
      fromAttribute(value: string | null): number | Fallback {
        if (value === null || value.trim() === '') return spec.fallback;
        const number = Number(value);
        return spec.accepts(number) ? number : reject(`${spec.attribute}=${JSON.stringify(value)}`);
      },
      toAttribute(value: number | Fallback): string | null {
        return value === undefined ? null : String(value);
      },
    },
    read(value: unknown): number | Fallback {
      if (value === undefined || value === null) return spec.fallback;
      return typeof value === 'number' && spec.accepts(value)
        ? value
        : reject(`${spec.property} = ${shown(value)}`);
    },
  };
}
