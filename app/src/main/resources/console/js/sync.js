// Several players on one clock: of the cameras showing a frame, the one whose footage starts first (the first listed of
// those starting together) is the clock master, every other player is corrected to its playingDate (the program date
// time of the frame shown) each tick: sought when far off, nudged with playbackRate when a little off (won back in about CATCH_UP_MILLIS at any
// speed), left alone within a frame, and all held paused while one waits for data. A camera whose footage starts later than the clock
// (it began recording after the time chosen) is held paused on its first frame until the clock gets there, never
// sought before its footage nor pulling the others forward (nor playing on while a camera that starts earlier still
// loads, for up to HOLD_MAX_MILLIS). `correction` and `beforeFootage` are the pure rules; SyncGroup applies them.

/** Off by more than this: seek (a nudge would take too long; a seek costs a decode from the preceding keyframe). */
export const SEEK_MILLIS = 400;
/** Off by less than this (under half a frame at 25 fps): play at the master's rate. */
export const NUDGE_MILLIS = 15;
/**
 * A nudge makes the follower's rate differ from the master's by offset / CATCH_UP_MILLIS, so an offset is won back in
 * about this much wall-clock time at every speed: a player that lost 100 ms in a stall (a busy machine starves one
 * decoder for a moment) is back on the clock within half a second, where a gain per second of offset took a second at
 * 1x (and a quarter at 4x). Steady while ticks come less than twice this apart...
 */
export const CATCH_UP_MILLIS = 250;
/** ...but never by more than this fraction of the master's rate (a faster catch-up shows as a jerk). */
export const MAX_NUDGE = 0.2;
/** How often the group corrects. */
export const TICK_MILLIS = 100;
/** After a seek a player is left alone this long: its playingDate is not yet the frame it settles on. */
export const SETTLE_MILLIS = 600;
/**
 * While a player waits for data (seeking, or its buffer ran dry: at 4x and more, or after a seek) every player is held
 * paused, so the others do not run away from it; for at most this long a time, after which it no longer holds them
 * (its footage ended: the camera was down).
 */
export const HOLD_MAX_MILLIS = 3000;
/** HTMLMediaElement.HAVE_FUTURE_DATA: the next frame is there. */
const HAVE_FUTURE_DATA = 3;

/**
 * What to do with a follower that is offMillis ahead of the master (negative: behind), the master playing at
 * baseRate (paused: the follower is paused too and sought to the master's frame when off by a frame or more).
 * Returns {seekSeconds, rate}: seekSeconds to add to its currentTime (0: no seek), rate to play at.
 */
export function correction(offMillis, baseRate, {paused = false, frameMillis = 40} = {}) {
  if (!isFinite(offMillis)) {
    return {seekSeconds: 0, rate: baseRate};
  }
  const off = Math.abs(offMillis);
  if (paused) {
    return {seekSeconds: off >= frameMillis / 2 ? -offMillis / 1000 : 0, rate: baseRate};
  }
  if (off > SEEK_MILLIS) {
    return {seekSeconds: -offMillis / 1000, rate: baseRate};
  }
  if (off < NUDGE_MILLIS) {
    return {seekSeconds: 0, rate: baseRate};
  }
  const limit = MAX_NUDGE * baseRate;
  return {seekSeconds: 0, rate: baseRate - Math.max(-limit, Math.min(limit, offMillis / CATCH_UP_MILLIS))};
}

/**
 * Whether a follower whose footage starts at startsAt (epoch millis; null: at the time chosen) waits on its first
 * frame for the master's clock (epoch millis) to get there: until the clock is within half a frame of it.
 */
export function beforeFootage(clockMillis, startsAt, frameMillis = 40) {
  return startsAt !== null && startsAt !== undefined && clockMillis < startsAt - frameMillis / 2;
}

/** Where a member's footage starts, for choosing the master: at the time chosen (startsAt null) before any other. */
function starts(member) {
  return member.startsAt === null ? -Infinity : member.startsAt;
}

/** The largest difference between the times (epoch millis) shown, null for fewer than two. */
export function spread(times) {
  const shown = times.filter((t) => t !== null && isFinite(t));
  return shown.length < 2 ? null : Math.max(...shown) - Math.min(...shown);
}

/**
 * Keeps members ({video, player, startsAt, onTick(date, waitsFor)}) on the master's clock; startsAt (epoch millis)
 * is where a member's footage starts, null for at the time chosen; onTick hears the frame time shown and, while the
 * member waits for the clock to reach its footage, startsAt (else null). paused() says how the master plays.
 * onSpread hears each tick's spread of the shown times of the members not waiting.
 */
export class SyncGroup {
  constructor(members, {frameMillis = 40, onSpread = () => {}} = {}) {
    this.members = members.map((m) => ({startsAt: null, ...m, settledAt: 0, waitingSince: null, early: false}));
    this.frameMillis = frameMillis;
    this.onSpread = onSpread;
    this.rate = 1;
    this.userPaused = false;
    this.held = false;
    this.startedAt = performance.now();
    this.timer = setInterval(() => this.tick(), TICK_MILLIS);
  }

  /** The member whose clock the others follow: of those showing a frame, the first listed whose footage starts first. */
  master(dates = this.members.map((m) => m.player.playingDate())) {
    return this.members.filter((m, i) => dates[i])
      .reduce((best, m) => (best === null || starts(m) < starts(best) ? m : best), null);
  }

  /** Marks the members that wait on their first frame: before the clock, or while one starting earlier still loads. */
  markEarly(master, dates, now) {
    const clock = master ? dates[this.members.indexOf(master)].getTime() : null;
    const loading = master !== null && now - this.startedAt < HOLD_MAX_MILLIS
      && this.members.some((m, i) => !dates[i] && starts(m) < starts(master));
    this.members.forEach((m) => {
      m.early = m.startsAt !== null && clock !== null
        && (loading || (m !== master && beforeFootage(clock, m.startsAt, this.frameMillis)));
    });
  }

  /** The master's shown time, epoch millis, or null. */
  now() {
    const master = this.master();
    return master ? master.player.playingDate().getTime() : null;
  }

  setRate(rate) {
    this.rate = rate;
    this.members.forEach((m) => { m.video.playbackRate = rate; });
  }

  pause() {
    this.userPaused = true;
    this.members.forEach((m) => m.video.pause());
    this.tick();
  }

  play() {
    this.userPaused = false;
    this.held = false;
    this.members.forEach((m) => { if (!m.early) m.video.play().catch(() => {}); });
  }

  /** Paused by the user (not held for a player waiting for data). */
  paused() {
    return this.userPaused;
  }

  /** Whether some player showing a frame waits for data, and has not waited longer than HOLD_MAX_MILLIS. */
  waiting(dates, now) {
    let any = false;
    this.members.forEach((m, i) => {
      const starved = dates[i] && !m.early && !m.video.ended && (m.video.seeking || m.video.readyState < HAVE_FUTURE_DATA);
      m.waitingSince = starved ? (m.waitingSince ?? now) : null;
      any = any || (starved && now - m.waitingSince < HOLD_MAX_MILLIS);
    });
    return any;
  }

  /** Holds every player paused while one waits for data; plays them on together once none does. */
  hold(dates, now) {
    const waiting = this.waiting(dates, now);
    if (this.userPaused || waiting === this.held) {
      return;
    }
    this.held = waiting;
    this.members.forEach((m) => (waiting || m.early ? m.video.pause() : m.video.play().catch(() => {})));
  }

  /** Pauses, and moves the master one frame on; the next tick puts every follower on that frame. */
  stepFrame() {
    this.pause();
    const master = this.master();
    if (master) {
      master.video.currentTime += this.frameMillis / 1000;
    }
  }

  tick() {
    const dates = this.members.map((m) => m.player.playingDate());
    const master = this.master(dates);
    const now = performance.now();
    this.markEarly(master, dates, now);
    this.members.forEach((m, i) => m.onTick(dates[i], m.early ? m.startsAt : null));
    this.onSpread(spread(dates.map((d, i) => (d && !this.members[i].early ? d.getTime() : null))));
    this.hold(dates, now);
    if (!master || master.video.seeking) {
      return;
    }
    const clock = dates[this.members.indexOf(master)].getTime();
    const paused = this.userPaused || this.held;
    master.video.playbackRate = this.rate;
    if (!paused && !master.early && master.video.paused && !master.video.ended) {
      master.video.play().catch(() => {}); // a master that waited on its first frame
    }
    this.members.forEach((m, i) => {
      if (m.early) {
        if (!m.video.paused) m.video.pause(); // on its first frame until the clock gets there
        return;
      }
      if (m === master || !dates[i] || m.video.seeking || now - m.settledAt < SETTLE_MILLIS) {
        return;
      }
      const c = correction(dates[i].getTime() - clock, this.rate, {paused, frameMillis: this.frameMillis});
      if (paused !== m.video.paused) {
        if (paused) m.video.pause(); else m.video.play().catch(() => {});
      }
      if (c.seekSeconds !== 0) {
        m.video.currentTime = Math.max(0, m.video.currentTime + c.seekSeconds);
        m.settledAt = now;
      }
      if (Math.abs(m.video.playbackRate - c.rate) > 1e-3) {
        m.video.playbackRate = c.rate;
      }
    });
  }

  destroy() {
    clearInterval(this.timer);
  }
}
