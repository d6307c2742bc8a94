// `pnpm start`: configure, open and migrate the database, seed an empty embedded one, serve.
import { existsSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { createDatabase, type Database, DatabaseError, seed } from '@layanan/db';
import pino from 'pino';
import { ConfigError, loadConfig } from './app/config.js';
import { createEventBus } from './app/event-handlers.js';
import { createGateway } from './app/gateway.js';
import { mailSettings } from './app/mail-config.js';
import { createLayananPubSub } from './app/pubsub.js';
import { createRateLimitStore } from './app/rate-limits.js';
import { bilingual, STARTUP_MESSAGES } from './graphql/gateway-errors.js';
import { sendSupervisorDigests } from './modules/forums/supervisor-digest.js';
import { applyRetentionSchedule } from './modules/privacy/commands/retention.js';
import { closeAnsweredComplaints } from './modules/services/commands/complaint-handling.js';
import { remindDeadlines } from './modules/services/commands/deadline-reminders.js';
import { escalateOverdueRequests } from './modules/services/commands/escalate-overdue.js';
import { loadWorkingCalendar } from './platform/calendar.js';
import { startMailWorker } from './platform/mail/start.js';
import type { DocumentSigner } from './platform/signing/document-signer.js';
import { loadDocumentSigner } from './platform/signing/ed25519-signer.js';
import { createFileBlobStore } from './platform/storage/file-store.js';
import { listen } from './server.js';

function fail(error: unknown): never {
  // One clear line, no stack trace: these are operator errors (bad URL, port taken, …).
  let line: string;
  if (error instanceof DatabaseError || error instanceof ConfigError) line = error.message;
  else if (error && typeof error === 'object' && 'code' in error && error.code === 'EADDRINUSE') {
    line = bilingual(STARTUP_MESSAGES.portInUse((error as unknown as Error).message));
  } else line = error instanceof Error ? error.message : String(error);
  process.stderr.write(`layanan: ${line.split('\n')[0]}\n`);
  if (process.env.LOG_LEVEL === 'debug' && error instanceof Error && error.stack) {
    process.stderr.write(`${error.stack}\n`);
  }
  process.exit(1);
}

async function main(): Promise<void> {
  const config = loadConfig();
  const log = pino({ level: config.logLevel, base: { service: 'layanan-gateway' } });

  let db: Database | undefined;
  try {
    db = await createDatabase({
      url: config.databaseUrl,
      dataDir: config.dataDir,
      // Migrated just below, so the log says what this start applied.
      migrate: false,
      logger: (level, msg) => log[level === 'error' ? 'error' : level === 'warn' ? 'warn' : 'info'](msg),
    });
    const migrated = await db.migrate();
    log.info({ applied: migrated.applied.map((m) => m.name), database: db.kind }, 'migrations checked');

    const shouldSeed =
      config.seed === 'always' || (config.seed === 'auto' && db.kind === 'pglite' && (await db.isEmpty()));
    if (shouldSeed) {
      const { created } = await seed(db.prisma);
      log.info({ created }, 'seeded demo data');
    }
  } catch (error) {
    await db?.close().catch(() => {});
    fail(error);
  }

  const events = createLayananPubSub(config.redisUrl);
  const rateLimitStore = createRateLimitStore(config);
  // The web app built by `pnpm build` (apps/web/dist), unless LAYANAN_WEB_DIR names another.
  const webRoot = config.webDir ?? fileURLToPath(new URL('../../web/dist', import.meta.url));
  const serveWeb = existsSync(`${webRoot}/index.html`);
  if (config.webDir && !serveWeb)
    log.warn({ webRoot }, 'LAYANAN_WEB_DIR has no index.html; web app not served');
  // Cross-area events: handled after each change commits; what a crash left pending is handled
  // now and on every job tick.
  let signer: DocumentSigner;
  try {
    signer = loadDocumentSigner(config.signing);
  } catch (error) {
    await db.close().catch(() => {});
    fail(error);
  }
  log.info({ keyId: signer.keyId, algorithm: signer.algorithm }, 'document signing key loaded');
  const storage = createFileBlobStore(config.filesDir);
  const eventBus = createEventBus({
    prisma: db.prisma,
    pubsub: events.pubsub,
    log,
    mail: mailSettings(config),
    documents: { storage, signer, publicUrl: config.mail.publicUrl },
    complaints: config.complaints,
  });
  const gateway = createGateway({
    db,
    config,
    log,
    events: eventBus,
    storage,
    signer,
    pubsub: events.pubsub,
    rateLimitStore,
    webRoot: serveWeb ? webRoot : undefined,
  });
  const running = await listen(gateway, {
    host: config.host,
    port: config.port,
    log,
    shutdownTimeoutMs: config.shutdownTimeoutMs,
  }).catch(async (error) => {
    await db.close().catch(() => {});
    fail(error);
  });
  log.info({ url: running.url, database: db.kind }, `Layanan GraphQL siap di / ready at ${running.url}`);
  if (serveWeb) {
    const site = running.url.replace(/graphql$/, '');
    log.info({ url: site, webRoot }, `Portal Layanan di / web app at ${site}`);
  }
  if (config.jwtSecretEphemeral) {
    log.warn('LAYANAN_JWT_SECRET is not set: using a random secret, tokens end when the process stops');
  }

  const sweepEvents = () =>
    eventBus
      .dispatch()
      .then((r) => {
        if (r.handled + r.failed > 0) log.info(r, 'handled pending events');
      })
      .catch((error: unknown) => log.error({ err: error }, 'event sweep failed'));
  void sweepEvents();
  // The mail outbox: sent by every instance, each message once (platform/mail/worker.ts).
  const mailer = startMailWorker(db.prisma, config.mail, log);

  // Overdue requests go to the unit's supervisor, complaints then climb the ladder (issue 20);
  // safe to run in every instance (advisory lock).
  const database = db;
  const mail = mailSettings(config);
  let escalating = false;
  const escalation =
    config.escalationIntervalMs > 0
      ? setInterval(() => {
          if (escalating) return;
          escalating = true;
          escalateOverdueRequests(database.prisma, {
            pubsub: events.pubsub,
            climb: { ladder: config.complaints.escalationLadder, mail },
          })
            .then((r) => {
              if (r.escalated.length > 0) log.info({ escalated: r.escalated }, 'escalated overdue requests');
              if (r.climbed.length > 0) log.info({ climbed: r.climbed }, 'escalations climbed a level');
            })
            .catch((error: unknown) => log.error({ err: error }, 'escalation job failed'))
            .then(sweepEvents)
            // Deadline reminders and the 07:00 WIB digest, each once (unique once-keys).
            .then(() => remindDeadlines(database.prisma, mail, { pubsub: events.pubsub }))
            .then(() => sendSupervisorDigests(database.prisma, mail, { pubsub: events.pubsub }))
            // Complaints whose answer window passed are closed (each once: conditional update).
            .then(async () =>
              closeAnsweredComplaints(database.prisma, {
                now: new Date(),
                calendar: await loadWorkingCalendar(database.prisma),
                policy: config.complaints,
                pubsub: events.pubsub,
                dispatch: (ids) => eventBus.dispatch(ids),
              }),
            )
            .then((closed) => {
              if (closed.length > 0) log.info({ closed }, 'closed answered complaints');
            })
            // Personal data of requests closed longer ago than the retention period (issue 23).
            .then(() =>
              applyRetentionSchedule(database.prisma, {
                now: new Date(),
                years: config.privacy.retentionYears,
                batch: config.privacy.retentionBatch,
                storage,
              }),
            )
            .then((erased) => {
              if (erased > 0) log.info({ erased }, 'erased personal data past its retention');
            })
            .catch((error: unknown) => log.error({ err: error }, 'reminder or digest job failed'))
            .finally(() => {
              escalating = false;
            });
        }, config.escalationIntervalMs)
      : undefined;
  escalation?.unref();

  const shutdown = async (signal: string) => {
    log.info({ signal }, 'shutting down');
    if (escalation) clearInterval(escalation);
    await mailer.stop();
    await running.close();
    await events.close().catch(() => {});
    await rateLimitStore.close().catch(() => {});
    await db.close();
    log.info('stopped');
    process.exit(0);
  };
  process.once('SIGTERM', () => void shutdown('SIGTERM'));
  process.once('SIGINT', () => void shutdown('SIGINT'));
}

main().catch(fail);
