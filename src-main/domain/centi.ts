/*
 * Scores are kept as integer centi-points (hundredths of a point). With whole item points and
 * whole percents an item score is exactly points × percent centi-points, so sums never drift;
 * the only rounding is the one the committee sees, to 2 decimals, done once per mean.
 */

/** num / den rounded half up, for non-negative integers. */
export function divRound(num: number, den: number): number {
  return Math.floor((2 * num + den) / (2 * den));
}

export function toPoints(centi: number): number {
  return centi / 100;
}

/** Back from a 2-decimal value (as stored in results) to its exact centi-points. */
export function toCenti(points: number): number {
  return Math.round(points * 100);
}
