// Starts the outbox worker of this gateway instance: a run at start (what a crash or a restart left
// unsent) and every `intervalMs`.
import type { PrismaClient } from '@layanan/db';
import type { Logger } from 'pino';
import type { MailConfig } from '../../app/mail-config.js';
import { createMailTransport } from './transport.js';
import { MailWorker } from './worker.js';

export function startMailWorker(
  prisma: PrismaClient,
  config: MailConfig,
  log: Logger,
): { worker: MailWorker; stop(): Promise<void> } {
  const transport = createMailTransport(config);
  const worker = new MailWorker({
    prisma,
    transport,
    log,
    maxAttempts: config.maxAttempts,
    leaseMs: config.leaseMs,
    backoffBaseMs: config.retryBaseMs,
  });
  log.info(
    { target: transport.target },
    config.smtpUrl ? 'mail goes over SMTP' : 'mail is written as .eml files',
  );
  const tick = () =>
    void worker.run().then((r) => {
      if (r.sent + r.retried + r.failed > 0) log.info(r, 'mail outbox run');
    });
  const timer = config.intervalMs > 0 ? setInterval(tick, config.intervalMs) : undefined;
  timer?.unref();
  if (config.intervalMs > 0) tick();
  return {
    worker,
    async stop() {
      // A run in flight keeps its lease; what it did not mark sent is sent again after a restart.
      if (timer) clearInterval(timer);
      transport.close();
    },
  };
}
