import { PLATFORM_RUNTIME, PlatformRuntime } from '@kivuko/platform';
import { Inject, Injectable, OnModuleDestroy } from '@nestjs/common';
import { createTransport, Transporter } from 'nodemailer';
import { RenderedEmail } from './email-templates';

/** How long one SMTP conversation may take before the attempt counts as failed (and is retried). */
const SMTP_TIMEOUT_MS = 15_000;

/** The SMTP server from the configuration (KIVUKO_SMTP_URL), or none: then e-mails are recorded as not sent. */
@Injectable()
export class EmailTransport implements OnModuleDestroy {
  private readonly transporter: Transporter | undefined;
  readonly from: string;
  readonly publicUrl: string;

  constructor(@Inject(PLATFORM_RUNTIME) runtime: PlatformRuntime) {
    const { smtpUrl, from, publicUrl } = runtime.config.email;
    this.from = from;
    this.publicUrl = publicUrl;
    this.transporter = smtpUrl
      ? createTransport({ url: smtpUrl, connectionTimeout: SMTP_TIMEOUT_MS, greetingTimeout: SMTP_TIMEOUT_MS, socketTimeout: SMTP_TIMEOUT_MS })
      : undefined;
  }

  get configured(): boolean {
    return this.transporter !== undefined;
  }

  /**
   * Sends one e-mail; throws when the server refuses it. The message id is the delivery's, so that a
   * receiving system can recognise the same e-mail should a crash after sending make us send it again.
   */
  async send(to: string, email: RenderedEmail, deliveryId: string): Promise<void> {
    if (!this.transporter) throw new Error('no SMTP server configured');
    await this.transporter.sendMail({
      from: this.from,
      to,
      subject: email.subject,
      text: email.text,
      html: email.html,
      messageId: `<${deliveryId}@kivuko>`,
    });
  }

  onModuleDestroy(): void {
    this.transporter?.close();
  }
}
