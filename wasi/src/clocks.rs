//! `wasi:clocks`: the wall clock and the monotonic clock, with the host's
//! overrides, and the monotonic clock's pollables.

use std::time::{Duration, Instant, SystemTime};

use crate::bindings::wasi::clocks::{monotonic_clock, wall_clock};
use crate::ctx::WasiCtx;
use crate::poll::{PollKind, Pollable};

/// The clock behind `wasi:clocks/wall-clock`: the time of day.
pub trait HostWallClock: Send + 'static {
    /// The resolution of [`now`](Self::now).
    fn resolution(&self) -> Duration;
    /// The time since the Unix epoch (1970-01-01T00:00:00Z).
    fn now(&self) -> Duration;
}

/// The clock behind `wasi:clocks/monotonic-clock`: nanoseconds that never
/// go back.
pub trait HostMonotonicClock: Send + 'static {
    /// The resolution of [`now`](Self::now), in nanoseconds.
    fn resolution(&self) -> u64;
    /// Nanoseconds since an arbitrary point, never less than before.
    fn now(&self) -> u64;
}

/// The system's clock of the time of day.
pub(crate) struct SystemWallClock;

impl HostWallClock for SystemWallClock {
    fn resolution(&self) -> Duration {
        Duration::from_nanos(1)
    }

    fn now(&self) -> Duration {
        // A system clock set before 1970 reads as the epoch: the WIT's
        // `datetime` has no earlier time.
        SystemTime::now()
            .duration_since(SystemTime::UNIX_EPOCH)
            .unwrap_or_default()
    }
}

/// The system's monotonic clock, counted from the context's creation.
pub(crate) struct SystemMonotonicClock {
    start: Instant,
}

impl SystemMonotonicClock {
    pub(crate) fn new() -> Self {
        Self {
            start: Instant::now(),
        }
    }
}

impl HostMonotonicClock for SystemMonotonicClock {
    fn resolution(&self) -> u64 {
        1
    }

    fn now(&self) -> u64 {
        u64::try_from(self.start.elapsed().as_nanos()).unwrap_or(u64::MAX)
    }
}

impl wall_clock::Host for WasiCtx {
    fn now(&mut self) -> witbind::Result<wall_clock::Datetime> {
        Ok(datetime(self.wall_clock.now()))
    }

    fn resolution(&mut self) -> witbind::Result<wall_clock::Datetime> {
        Ok(datetime(self.wall_clock.resolution()))
    }
}

/// A duration since the epoch as a WIT `datetime`.
pub(crate) fn datetime(since_epoch: Duration) -> wall_clock::Datetime {
    wall_clock::Datetime {
        seconds: since_epoch.as_secs(),
        nanoseconds: since_epoch.subsec_nanos(),
    }
}

impl WasiCtx {
    /// A pollable ready `nanos` nanoseconds of real time from now.
    fn deadline_pollable(&mut self, nanos: u64) -> witbind::Result<witbind::Resource<Pollable>> {
        let kind = match Instant::now().checked_add(Duration::from_nanos(nanos)) {
            Some(at) => PollKind::Deadline(at),
            None => PollKind::Never,
        };
        Ok(self.table.push(Pollable { kind })?)
    }
}

impl monotonic_clock::Host for WasiCtx {
    fn now(&mut self) -> witbind::Result<monotonic_clock::Instant> {
        Ok(self.monotonic_clock.now())
    }

    fn resolution(&mut self) -> witbind::Result<monotonic_clock::Duration> {
        Ok(self.monotonic_clock.resolution())
    }

    fn subscribe_instant(
        &mut self,
        when: monotonic_clock::Instant,
    ) -> witbind::Result<witbind::Resource<Pollable>> {
        let now = self.monotonic_clock.now();
        self.deadline_pollable(when.saturating_sub(now))
    }

    fn subscribe_duration(
        &mut self,
        when: monotonic_clock::Duration,
    ) -> witbind::Result<witbind::Resource<Pollable>> {
        self.deadline_pollable(when)
    }
}
