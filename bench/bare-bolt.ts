// The floor for the sweep (bench/sweep.ts): a bare Bolt app in HTTP mode that only acknowledges
// `/versus` commands, in its own process like the bot. Prints its port, runs until stdin closes.
import type { Server } from 'node:http';
import { App, HTTPReceiver } from '@slack/bolt';

const [secret, apiUrl] = process.argv.slice(2) as [string, string];
const app = new App({
  token: 'xoxb-bare',
  receiver: new HTTPReceiver({ signingSecret: secret, endpoints: '/slack/events' }),
  botId: 'B1',
  botUserId: 'U1',
  clientOptions: { slackApiUrl: apiUrl },
});
app.command(/.*/, async ({ ack }) => {
  await ack();
});
const server = (await app.start({ port: 0, host: '127.0.0.1' })) as Server;
process.stdout.write(`${JSON.stringify({ port: (server.address() as { port: number }).port })}\n`);
process.stdin.resume();
process.stdin.on('end', () => void app.stop().then(() => process.exit(0)));
