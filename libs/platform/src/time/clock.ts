import { Injectable } from '@nestjs/common';

/**
 * The time as use cases with deadlines read it. One place, so that deadline and escalation behaviour can
 * be checked at a fixed time (tests set it; nothing in the product does).
 */
@Injectable()
export class Clock {
  private fixed: Date | null = null;

  now(): Date {
    return this.fixed ? new Date(this.fixed.getTime()) : new Date();
  }

  /** Holds the time at `at` (null: real time again). For tests of deadlines. */
  fixAt(at: Date | null): void {
    this.fixed = at ? new Date(at.getTime()) : null;
  }
}
