import type { ComplexAttributeConverter } from 'lit';

/**
 * A switch attribute that is on unless it says `off`, `false`, `no` or `0`: a boolean attribute
 * cannot default to on, since its absence is the only way to say false.
 */
export const onByDefault: ComplexAttributeConverter<boolean> = {
  fromAttribute: (value: string | null): boolean =>
    value === null || !/^(off|false|no|0)$/i.test(value.trim()),
  toAttribute: (value: boolean): string => (value ? 'on' : 'off'),
};
