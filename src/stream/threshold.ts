/** Above this size a streamable file is streamed (files above ~512 MiB cannot be read whole at all). */
export const DEFAULT_STREAM_THRESHOLD = 32 * 1024 * 1024;

/** `SECURITY_METRICS_STREAM_MB`: the streaming threshold in MiB (0 streams every streamable file). */
export function streamThresholdFromEnv(env: Record<string, string | undefined>): number | undefined {
  const v = env.SECURITY_METRICS_STREAM_MB;
  if (v === undefined || v.trim() === '' || !Number.isFinite(Number(v)) || Number(v) < 0) return undefined;
  return Math.floor(Number(v) * 1024 * 1024);
}
