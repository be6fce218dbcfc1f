/**
 * CVSS v3.0/v3.1 base score from a vector string (FIRST CVSS v3.1 specification, section 7), for
 * formats that give only the vector (OSV `severity[]`). Undefined for anything else (v2, v4, broken).
 */
const W: Record<string, Record<string, number>> = {
  AV: { N: 0.85, A: 0.62, L: 0.55, P: 0.2 },
  AC: { L: 0.77, H: 0.44 },
  UI: { N: 0.85, R: 0.62 },
  C: { H: 0.56, L: 0.22, N: 0 },
  I: { H: 0.56, L: 0.22, N: 0 },
  A: { H: 0.56, L: 0.22, N: 0 },
};

function roundUp(x: number): number {
  const i = Math.round(x * 100000);
  return i % 10000 === 0 ? i / 100000 : (Math.floor(i / 10000) + 1) / 10;
}

export function cvss3BaseScore(vector: string): number | undefined {
  const m = /^CVSS:3\.[01]\/(.+)$/.exec(vector.trim());
  if (!m) return undefined;
  const v: Record<string, string> = {};
  for (const part of m[1]!.split('/')) {
    const [k, val] = part.split(':');
    if (k && val) v[k] = val;
  }
  const scope = v.S;
  if (scope !== 'U' && scope !== 'C') return undefined;
  const pr = { N: 0.85, L: scope === 'C' ? 0.68 : 0.62, H: scope === 'C' ? 0.5 : 0.27 }[v.PR ?? ''];
  const av = W.AV![v.AV ?? ''];
  const ac = W.AC![v.AC ?? ''];
  const ui = W.UI![v.UI ?? ''];
  const c = W.C![v.C ?? ''];
  const i = W.I![v.I ?? ''];
  const a = W.A![v.A ?? ''];
  if ([pr, av, ac, ui, c, i, a].some((x) => x === undefined)) return undefined;
  const iss = 1 - (1 - c!) * (1 - i!) * (1 - a!);
  const impact = scope === 'U' ? 6.42 * iss : 7.52 * (iss - 0.029) - 3.25 * Math.pow(iss - 0.02, 15);
  const expl = 8.22 * av! * ac! * pr! * ui!;
  if (impact <= 0) return 0;
  return scope === 'U' ? roundUp(Math.min(impact + expl, 10)) : roundUp(Math.min(1.08 * (impact + expl), 10));
}
