/**
 * Slack and Discord both want an answer to a click or command within 3 s, but the answer may take longer
 * (an admin check waits on the platform). Resolves with `work`'s value; if `work` is still running after
 * `ms`, `onLate()` (Slack: ack, Discord: defer) runs first, once, and the value follows when it is ready.
 */
export async function answerBeforeDeadline<T>(
  work: Promise<T>,
  ms: number,
  onLate: () => Promise<unknown>,
): Promise<{ value: T; late: boolean }> {
  let timer: NodeJS.Timeout | undefined;
  const late = new Promise<'late'>((resolve) => (timer = setTimeout(() => resolve('late'), ms)));
  try {
    const first = await Promise.race([work.then((value) => ({ value })), late]);
    if (first !== 'late') return { value: first.value, late: false };
  } finally {
    clearTimeout(timer);
  }
  await onLate();
  return { value: await work, late: true };
}
