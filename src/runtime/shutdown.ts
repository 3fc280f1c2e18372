/**
 * The shutdown budget: a supervisor (Docker, systemd, Kubernetes' default grace period is 30 s; Docker's
 * is 10 s) expects the process gone within it. Each adapter gets half to drain the work it has in flight,
 * which leaves the other half for the scheduler's last re-renders and closing the database.
 */
export const SHUTDOWN_BUDGET_MS = 10_000;
export const ADAPTER_DRAIN_MS = SHUTDOWN_BUDGET_MS / 2;
