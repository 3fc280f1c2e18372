/** A `/versus` slash command as Slack form-encodes it, for the load generators (cannon.ts, open-loop.ts). */
export function commandForm(f: { user: string; text: string; responseUrl: string; triggerId: string }): string {
  return new URLSearchParams({
    team_id: 'T0FAKE',
    channel_id: 'C1',
    user_id: f.user,
    user_name: 'ann',
    command: '/versus',
    text: f.text,
    api_app_id: 'A1',
    response_url: f.responseUrl,
    trigger_id: f.triggerId,
  }).toString();
}
