import type { ComplexAttributeConverter } from 'lit';

/** A number attribute whose absence (or an unreadable value) means "not set", not `NaN` or `null`. */
export const optionalNumber: ComplexAttributeConverter<number | undefined> = {
  fromAttribute(value: string | null): number | undefined {
    if (value === null || value.trim() === '') return undefined;
    const number = Number(value);
    return Number.isFinite(number) ? number : undefined;
  },
  toAttribute(value: number | undefined): string | null {
    return value === undefined ? null : String(value);
  },
};
