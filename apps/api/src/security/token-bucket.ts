/** The state of one token bucket: tokens left at `updatedAt` (ms since epoch). */
export interface Bucket {
  tokens: number;
  updatedAt: number;
}

/** Outcome of taking a token. */
export interface Take {
  allowed: boolean;
  bucket: Bucket;
  /** Milliseconds until a token is available again; 0 when allowed. */
  retryAfterMs: number;
}

/**
 * Takes one token from a bucket holding at most `perMinute` tokens that refills
 * at `perMinute` tokens per minute. A full bucket lets a burst of `perMinute`
 * requests through (a whole office registering at once), then the steady rate.
 */
export function takeToken(bucket: Bucket | undefined, perMinute: number, now: number): Take {
  const refillPerMs = perMinute / 60_000;
  const tokens =
    bucket === undefined
      ? perMinute
      : Math.min(perMinute, bucket.tokens + Math.max(0, now - bucket.updatedAt) * refillPerMs);
  if (tokens >= 1) {
    return { allowed: true, bucket: { tokens: tokens - 1, updatedAt: now }, retryAfterMs: 0 };
  }
  return {
    allowed: false,
    bucket: { tokens, updatedAt: now },
    retryAfterMs: Math.ceil((1 - tokens) / refillPerMs),
  };
}

/** True when the bucket has refilled completely by `now`, so forgetting it changes nothing. */
export function isFull(bucket: Bucket, perMinute: number, now: number): boolean {
  return bucket.tokens + (now - bucket.updatedAt) * (perMinute / 60_000) >= perMinute;
}
