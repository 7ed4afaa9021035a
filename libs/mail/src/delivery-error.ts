/** How a failed delivery attempt is treated. */
export type DeliveryFailure = 'temporary' | 'permanent';

interface SmtpLikeError {
  responseCode?: number;
  code?: string;
}

/**
 * RFC 5321: 4xx replies are transient, 5xx permanent. Anything without an SMTP
 * reply (refused connection, timeout, DNS, our own database) may work later, so
 * it is temporary; an envelope nodemailer rejects before talking to the server
 * (no valid recipient) will never work.
 */
export function classifyDeliveryError(error: unknown): DeliveryFailure {
  const e = (typeof error === 'object' && error !== null ? error : {}) as SmtpLikeError;
  if (typeof e.responseCode === 'number') {
    return e.responseCode >= 500 && e.responseCode < 600 ? 'permanent' : 'temporary';
  }
  return e.code === 'EENVELOPE' ? 'permanent' : 'temporary';
}

/** A short, log-safe description: SMTP code and first line, never the message content. */
export function describeDeliveryError(error: unknown): string {
  const e = (typeof error === 'object' && error !== null ? error : {}) as SmtpLikeError & {
    message?: string;
  };
  const parts = [e.responseCode ? String(e.responseCode) : e.code, e.message?.split('\n')[0]];
  return parts.filter(Boolean).join(' ').slice(0, 300) || 'unknown error';
}
