import type { App, AuthorizeResult, Logger as BoltLogger, InstallationQuery, webApi } from '@slack/bolt';
import { InstallProvider } from '@slack/oauth';
import type { Clock } from '../../clock.js';
import type { SlackOAuthConfig } from '../../config.js';
import type { Logger } from '../../logger.js';
import { tokenCipher } from '../../security/token-cipher.js';
import type { SharedDb } from '../../store/shared-db.js';
import { type InstallKey, installKey, SlackInstallations } from '../../store/slack-installations.js';
import { slackErrorCode } from './deliver.js';
import type { SlackTokens } from './port.js';
import type { Route } from './receiver.js';

/** The bot scopes an installation asks for: the same as slack/manifest.json's. */
export const BOT_SCOPES = [
  'commands',
  'chat:write',
  'chat:write.public',
  'app_mentions:read',
  'channels:history',
  'groups:history',
  'im:history',
  'mpim:history',
  'users:read',
  'files:read',
  'files:write',
  'assistant:write',
];

export const INSTALL_PATH = '/slack/install';
export const REDIRECT_PATH = '/slack/oauth_redirect';

export interface SlackOAuth {
  installer: InstallProvider;
  /** Bolt's authorize: the request's installation; a body it found none for is remembered (refused()). */
  authorize(source: InstallationQuery<boolean>, body?: object): Promise<AuthorizeResult>;
  refused(body: object): boolean;
  installations: SlackInstallations;
  /** GET /slack/install (the Add to Slack page, state cookie set) and /slack/oauth_redirect (state verified). */
  routes: Record<string, Route>;
  /** Tokens for posts Versus makes on its own, found by the installation of the workspace that owns the post. */
  tokens: SlackTokens;
}

/**
 * OAuth v2 through Bolt's own InstallProvider (@slack/oauth): installations go to the shared database,
 * sealed under VERSUS_TOKEN_KEY; its authorize() finds a request's token by team/enterprise and, where
 * Slack issued a refresh token, refreshes an expiring one and stores the new installation.
 */
export function slackOAuth(
  cfg: SlackOAuthConfig,
  d: { shared: SharedDb; clock: Clock; clientOptions: webApi.WebClientOptions; logger: BoltLogger },
): SlackOAuth {
  const installations = new SlackInstallations(d.shared, tokenCipher(cfg.tokenKey), d.clock);
  const installer = new InstallProvider({
    clientId: cfg.clientId,
    clientSecret: cfg.clientSecret,
    stateSecret: cfg.stateSecret,
    installationStore: installations,
    installUrlOptions: { scopes: BOT_SCOPES },
    logger: d.logger,
    clientOptions: d.clientOptions,
  });
  const tokenOf = async (key: InstallKey | undefined) => {
    if (!key) return undefined;
    const q = { teamId: key.teamId || undefined, enterpriseId: key.enterpriseId || undefined };
    const auth = await installer.authorize({ ...q, isEnterpriseInstall: key.teamId === '' });
    return auth.botToken;
  };
  const refused = new WeakSet<object>();
  return {
    installer,
    installations,
    authorize: async (source, body) => {
      try {
        return await installer.authorize(source);
      } catch (err) {
        if (body) refused.add(body);
        throw err;
      }
    },
    refused: (body) => refused.has(body),
    routes: {
      [`GET ${INSTALL_PATH}`]: (req, res) => installer.handleInstallPath(req, res),
      [`GET ${REDIRECT_PATH}`]: (req, res) => installer.handleCallback(req, res),
    },
    tokens: {
      forWorkspace: async (w) => tokenOf(await installations.teamOwner(w.workspaceId)),
    },
  };
}

/**
 * In OAuth mode: stores the organisation of each workspace an org-wide install serves (after Bolt's
 * authorize found it), and forgets an installation when Slack says the app was uninstalled or its bot
 * token revoked.
 */
export function attachInstallations(app: App, oauth: SlackOAuth, log: Logger): void {
  app.use(async ({ context, next }) => {
    const key = installKey({
      enterpriseId: context.enterpriseId,
      teamId: context.teamId,
      isEnterpriseInstall: context.isEnterpriseInstall ?? false,
    });
    // A workspace of an org-wide install has no row of its own: posts for it and admin look-ups (users.info)
    // find its organisation's token through the stored workspace → organisation pair, on any replica.
    if (!key.teamId && key.enterpriseId && context.teamId)
      await oauth.installations.rememberOrgTeam(context.teamId, key).catch((err: unknown) => {
        log.warn({ team: context.teamId, error: slackErrorCode(err) }, 'slack: could not record the organisation');
      });
    await next();
  });
  const forget = async (context: { teamId?: string; enterpriseId?: string; isEnterpriseInstall?: boolean }) => {
    const key = installKey({ ...context, isEnterpriseInstall: context.isEnterpriseInstall ?? false });
    if (await oauth.installations.forgetWorkspace(key))
      log.info(key, 'slack: uninstalled; installation deleted, schedules removed, open polls closed');
    else log.info(key, 'slack: uninstall event for a workspace with no installation; nothing was deleted');
  };
  app.event('app_uninstalled', ({ context }) => forget(context));
  app.event('tokens_revoked', async ({ event, context }) => {
    if ((event.tokens.bot ?? []).length > 0) await forget(context);
  });
}
