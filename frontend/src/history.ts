// Best-so-far validation loss by trial number, and point downsampling for charts.

/** The running minimum's steps: [number, best] wherever the best improved (input in any order). */
export function bestSoFar(points: { number: number; valLoss: number | null }[]): [number, number][] {
  const sorted = points
    .filter((p) => p.valLoss !== null && Number.isFinite(p.valLoss))
    .sort((a, b) => a.number - b.number);
  const out: [number, number][] = [];
  let best = Infinity;
  for (const p of sorted) {
    if ((p.valLoss as number) < best) {
      best = p.valLoss as number;
      out.push([p.number, best]);
    }
  }
  return out;
}

/**
 * A step line from improvement points: each improvement holds until the next one, and the last value
 * is carried to lastNumber (the newest finished trial) so the line spans the whole history.
 */
export function stepLine(steps: [number, number][], lastNumber: number | null): [number, number][] {
  if (steps.length === 0) return [];
  const out = steps.map((s) => [s[0], s[1]] as [number, number]);
  const tail = out[out.length - 1];
  if (lastNumber !== null && lastNumber > tail[0]) out.push([lastNumber, tail[1]]);
  return out;
}

/**
 * Keeps at most max points of a series, evenly spaced by index, always keeping the first and last.
 * (The server already bounds its aggregates; this guards what the client adds.)
 */
export function downsample<T>(points: T[], max: number): T[] {
  if (points.length <= max || max < 2) return points.slice(0, Math.max(max, 0));
  const out: T[] = [];
  const stride = (points.length - 1) / (max - 1);
  for (let i = 0; i < max; i++) out.push(points[Math.round(i * stride)]);
  return out;
}

/** Log scale when all values are positive and span more than `decades` orders of magnitude. */
export function prefersLog(values: number[], decades = 1.5): boolean {
  const finite = values.filter((v) => Number.isFinite(v));
  if (finite.length < 2) return false;
  const min = Math.min(...finite);
  const max = Math.max(...finite);
  return min > 0 && Math.log10(max / min) > decades;
}
