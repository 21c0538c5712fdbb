/**
 * Code-unit order for ids and applicant codes: unlike localeCompare it does not depend on the
 * machine's locale, so every secretariat laptop lists the same ranking in the same order.
 */
export function byText(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0;
}
