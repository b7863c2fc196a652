/**
 * Hybrid logical clocks (Kulkarni et al., 2014): wall time in ms, a counter for events within the same
 * ms (or while the wall clock lags behind a clock already seen), and the device id as the final
 * tie-break. Two stamps are never equal unless they are the same event, so "the later stamp wins" is a
 * total order every device agrees on, whatever its clock skew.
 */
export interface Hlc {
  wall: number;
  count: number;
  device: string;
}

export function compareHlc(a: Hlc, b: Hlc): number {
  return a.wall - b.wall || a.count - b.count || (a.device < b.device ? -1 : a.device > b.device ? 1 : 0);
}

export function maxHlc(a: Hlc, b: Hlc): Hlc {
  return compareHlc(a, b) >= 0 ? a : b;
}

/** A device's clock: stamps local events and moves past every stamp it receives. */
export class HlcClock {
  private last: Hlc;

  constructor(
    readonly device: string,
    private readonly physicalNow: () => number = Date.now,
    last?: Hlc,
  ) {
    this.last = last ?? { wall: 0, count: 0, device };
  }

  /** A stamp for a local event, later than every stamp this device has made or seen. */
  now(): Hlc {
    const physical = this.physicalNow();
    this.last =
      physical > this.last.wall
        ? { wall: physical, count: 0, device: this.device }
        : { wall: this.last.wall, count: this.last.count + 1, device: this.device };
    return this.last;
  }

  /** Takes a stamp seen in incoming data into account, so later local stamps order after it. */
  observe(seen: Hlc): void {
    if (seen.wall > this.last.wall || (seen.wall === this.last.wall && seen.count > this.last.count)) {
      this.last = { wall: seen.wall, count: seen.count, device: this.device };
    }
  }

  get latest(): Hlc {
    return this.last;
  }
}
