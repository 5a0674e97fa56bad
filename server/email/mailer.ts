import nodemailer, { type Transporter } from 'nodemailer';

/** One pooled SMTP transport per SMTP_URL, created on first use. */
const transports = new Map<string, Transporter>();

export function smtpTransport(smtpUrl: string): Transporter {
  let transport = transports.get(smtpUrl);
  if (!transport) {
    // `pool=true` keeps connections open between messages (nodemailer's default opens one per
    // message); a URL that sets `pool` itself keeps its own choice.
    const url = new URL(smtpUrl);
    if (!url.searchParams.has('pool')) url.searchParams.set('pool', 'true');
    transport = nodemailer.createTransport(url.toString());
    transports.set(smtpUrl, transport);
  }
  return transport;
}

/** Closes every SMTP connection (at shutdown, and between tests). */
export function closeSmtpTransports(): void {
  for (const transport of transports.values()) transport.close();
  transports.clear();
}
