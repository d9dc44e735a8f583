/** NUMERIC columns come back at their column scale ("12.50000000"); shown without the trailing zeros. */
export function trimZeros(value: string): string {
  return value.includes('.') ? value.replace(/\.?0+$/, '') : value;
}
