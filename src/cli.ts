import { loadConfig } from './config';
import { createSecretariat, createSignInLinkForCommandLine, emailSchema } from './modules/accounts';
import { removeDemo } from './modules/conversations';
import { removeDemoOpinions } from './modules/opinions';
import { removeDemoRegistrations } from './modules/registration';
import { createLogger } from './platform/logger';
import { openRuntime } from './runtime';
import { seedDemoNow } from './seed';
import type { Deps } from './deps';

const USAGE = `Usage: colloquy <command>

Commands:
  seed          add the demo series (does nothing if it is there already)
  demo:remove   remove every record marked as demo content
  migrate       bring the database schema up to date and exit
  create-secretariat <email>
                create the account for <email> if there is none, grant it the secretariat role,
                and print a one-time sign-in link
`;

/** Administration commands, run with `npm run seed`, `npm run demo:remove`. */
async function run(command: string | undefined, args: string[]): Promise<number> {
  if (!command || !['seed', 'demo:remove', 'migrate', 'create-secretariat'].includes(command)) {
    process.stderr.write(USAGE);
    return command ? 2 : 0;
  }
  const email = command === 'create-secretariat' ? emailSchema.safeParse(args[0] ?? '') : undefined;
  if (email && !email.success) {
    process.stderr.write(
      `Give the e-mail address of the secretariat account, e.g.\n  npm run account:secretariat -- ada@example.org\n`,
    );
    return 2;
  }
  const config = loadConfig();
  const log = createLogger(config.LOG_LEVEL === 'info' ? 'warn' : config.LOG_LEVEL);
  // No mail worker here: mail a command queues goes out through the server's worker.
  const runtime = await openRuntime(config, log, { mailWorker: false });
  const { deps } = runtime;
  try {
    if (command === 'seed') {
      const seeded = await seedDemoNow(deps);
      process.stdout.write(seeded ? 'Demo content added.\n' : 'The demo content is already there.\n');
    } else if (command === 'demo:remove') {
      const { removed } = await removeDemo(deps.db);
      const registrations = await removeDemoRegistrations(deps.db);
      const opinionMaps = await removeDemoOpinions(deps.db);
      process.stdout.write(`Removed ${removed + registrations + opinionMaps} demo records.\n`);
    } else if (email?.success) {
      process.stdout.write(await createSecretariatAccount(deps, email.data));
    } else {
      process.stdout.write('The database schema is up to date.\n');
    }
    return 0;
  } finally {
    await runtime.close();
  }
}

/** What `create-secretariat` does and prints: the account, the role, and a way to sign in now. */
async function createSecretariatAccount(deps: Deps, email: string): Promise<string> {
  const { created, granted } = await createSecretariat(deps, email);
  const { link, expiresAt } = await createSignInLinkForCommandLine(deps, { email, locale: 'en' });
  const base = deps.config.PUBLIC_URL.replace(/\/$/, '');
  const done = created
    ? `Created the account ${email} with the secretariat role.`
    : granted
      ? `${email} already had an account; it now has the secretariat role.`
      : `${email} already has the secretariat role.`;
  return [
    done,
    '',
    `Sign in now with this one-time link (it works once, until ${expiresAt.toISOString()}):`,
    `  ${link}`,
    '',
    `Later, sign in at ${base}/en/sign-in: a link is e-mailed to ${email}. Without SMTP_URL,`,
    'mail is held in the outbox (back office, Outgoing mail) and not sent; set a password on',
    'your account page, or run this command again for a new link.',
    '',
  ].join('\n');
}

process.exitCode = await run(process.argv[2], process.argv.slice(3)).catch((error: unknown) => {
  process.stderr.write(`${error instanceof Error ? error.message : String(error)}\n`);
  return 1;
});
