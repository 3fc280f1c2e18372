// `npm run discord:register`: registers the /versus slash command for the app in DISCORD_APPLICATION_ID,
// in DISCORD_GUILD_ID when set (instant, for development), else globally.
import { DiscordAPIError } from 'discord.js';
import { startConfig } from '../../env-file.js';
import { isVersusError } from '../../errors.js';
import { SUBCOMMANDS } from './commands.js';
import { registerCommands } from './register.js';

const MISSING = `Set DISCORD_TOKEN and DISCORD_APPLICATION_ID first (optionally DISCORD_GUILD_ID), e.g. in .env:
  DISCORD_TOKEN           Developer Portal → your app → Bot → Reset Token
  DISCORD_APPLICATION_ID  Developer Portal → your app → General Information → Application ID
  DISCORD_GUILD_ID        a server id (right-click the server with Developer Mode on → Copy Server ID) to register there only
See docs/discord.md.`;

async function run(): Promise<number> {
  const config = startConfig();
  if (!config.discord) {
    process.stderr.write(`discord:register: ${MISSING}\n`);
    return 1;
  }
  const result = await registerCommands(config.discord);
  const where =
    result.scope === 'guild' ? `in guild ${config.discord.guildId}` : 'globally (all servers the bot is in)';
  process.stdout.write(
    `Registered /${result.commands.join(', /')} ${where} with ${SUBCOMMANDS.length} subcommands: ${SUBCOMMANDS.map((s) => s.name).join(', ')}.\n`,
  );
  return 0;
}

run().then(
  (code) => (process.exitCode = code),
  (e: unknown) => {
    if (isVersusError(e)) process.stderr.write(`discord:register: ${e.message}\n`);
    else if (e instanceof DiscordAPIError) {
      const hint =
        e.status === 401
          ? ' Check DISCORD_TOKEN.'
          : e.status === 403 || e.status === 404
            ? ' Check DISCORD_APPLICATION_ID and DISCORD_GUILD_ID (the bot must be in that guild).'
            : '';
      process.stderr.write(`discord:register: Discord refused the commands (${e.status} ${e.message}).${hint}\n`);
    } else process.stderr.write(`discord:register: ${(e as Error)?.message ?? String(e)}\n`);
    process.exitCode = 1;
  },
);
