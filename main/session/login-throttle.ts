import type { Clock } from '../clock';

/**
 * Slows password guessing at the unlock screen: after each wrong password the next attempt is
 * refused for 1, 2, 4, 8 ... seconds, capped at a minute. A right password resets it. The key
 * file's scrypt cost is what protects a stolen file; this protects the running app.
 */
export class LoginThrottle {
  private failures = 0;
  private blockedUntil = 0;

  constructor(
    private readonly clock: Clock,
    private readonly maxDelaySeconds = 60,
  ) {}

  /** Seconds to wait before another attempt is accepted, or 0. */
  waitSeconds(): number {
    const remaining = this.blockedUntil - this.clock.now().getTime();
    return remaining > 0 ? Math.ceil(remaining / 1000) : 0;
  }

  recordFailure(): number {
    this.failures++;
    const delay = Math.min(2 ** (this.failures - 1), this.maxDelaySeconds);
    this.blockedUntil = this.clock.now().getTime() + delay * 1000;
    return delay;
  }

  recordSuccess(): void {
    this.failures = 0;
    this.blockedUntil = 0;
  }

  get failureCount(): number {
    return this.failures;
  }
}
