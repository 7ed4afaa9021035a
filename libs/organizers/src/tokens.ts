import { jwtVerify, SignJWT } from 'jose';

/** Access tokens live 12 hours: one working day of configuring an event. */
export const ACCESS_TOKEN_TTL_SECONDS = 12 * 3600;
const ISSUER = 'fachtag';
const AUDIENCE = 'fachtag-organizer';

function key(secret: string): Uint8Array {
  return new TextEncoder().encode(secret);
}

/** A signed (HS256) access token naming the organizer. */
export function signAccessToken(
  organizerId: string,
  secret: string,
  now = new Date(),
): Promise<string> {
  const iat = Math.floor(now.getTime() / 1000);
  return new SignJWT({})
    .setProtectedHeader({ alg: 'HS256', typ: 'JWT' })
    .setSubject(organizerId)
    .setIssuer(ISSUER)
    .setAudience(AUDIENCE)
    .setIssuedAt(iat)
    .setExpirationTime(iat + ACCESS_TOKEN_TTL_SECONDS)
    .sign(key(secret));
}

/** The organizer id of a valid, unexpired token; null for anything else. */
export async function verifyAccessToken(
  token: string,
  secret: string,
  now = new Date(),
): Promise<string | null> {
  try {
    const { payload } = await jwtVerify(token, key(secret), {
      algorithms: ['HS256'],
      issuer: ISSUER,
      audience: AUDIENCE,
      currentDate: now,
    });
    return typeof payload.sub === 'string' ? payload.sub : null;
  } catch {
    return null;
  }
}
