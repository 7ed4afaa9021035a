/** A registration's state and its mail's. A plain module without MikroORM. */
export enum RegistrationStatus {
  CONFIRMED = 'CONFIRMED',
  WAITLISTED = 'WAITLISTED',
  CANCELLED = 'CANCELLED',
}

/** Delivery state of the latest mail to this participant; the mail worker owns it. */
export enum MailStatus {
  PENDING = 'PENDING',
  SENT = 'SENT',
  FAILED = 'FAILED',
}
