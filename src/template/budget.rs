//! Bounds on one template render: a user's template may loop or print without end
//! (nested `range(end=100000)`, a loop printing 100 MB). The output is written through a
//! counting writer, and `range` — the one way to loop over more than the data holds —
//! is replaced by one that counts the elements it makes; both also watch the clock. What
//! went over is kept for the error message.

use std::cell::Cell;
use std::io::{self, Write};
use std::time::{Duration, Instant};

use tera::{Kwargs, State, TeraResult};

/// The output allowed for one template of a document of `rows` table rows, points and
/// list items: generous (a row makes well under 1 KB of markup), and far below what would
/// exhaust memory when the markup is read.
pub fn output_limit(rows: usize) -> usize {
    (8 << 20) + rows.saturating_mul(4 << 10)
}

/// Elements `range` may make in one render, all calls together.
const RANGE_ELEMENTS: usize = 1_000_000;

/// Time one render may take.
const TIME: Duration = Duration::from_secs(10);

/// What stopped a render.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Exceeded {
    /// It printed more than this many bytes.
    Output(usize),
    /// Its `range` calls made more than this many elements.
    Range(usize),
    /// It ran longer than this.
    Time(Duration),
}

impl Exceeded {
    /// The reason in Russian.
    pub fn reason(self) -> String {
        match self {
            Exceeded::Output(n) => format!("шаблон напечатал больше {} МБ", n >> 20),
            Exceeded::Range(n) => format!("циклы по range() в шаблоне перебрали больше {n} значений"),
            Exceeded::Time(t) => format!("шаблон работает дольше {} с", t.as_secs()),
        }
    }
}

struct Limits {
    deadline: Instant,
    range_left: usize,
    exceeded: Option<Exceeded>,
}

thread_local! {
    static LIMITS: Cell<Option<Limits>> = const { Cell::new(None) };
}

fn with<T>(f: impl FnOnce(&mut Limits) -> T) -> Option<T> {
    LIMITS.with(|c| {
        let mut l = c.take()?;
        let out = f(&mut l);
        c.set(Some(l));
        Some(out)
    })
}

/// The limits of the render running on this thread, from now until the guard drops.
pub struct Guard(());

impl Guard {
    /// Starts counting.
    pub fn start() -> Guard {
        LIMITS.with(|c| {
            c.set(Some(Limits { deadline: Instant::now() + TIME, range_left: RANGE_ELEMENTS, exceeded: None }))
        });
        Guard(())
    }

    /// What stopped the render, if a limit did.
    pub fn exceeded(&self) -> Option<Exceeded> {
        with(|l| l.exceeded).flatten()
    }
}

impl Drop for Guard {
    fn drop(&mut self) {
        LIMITS.with(|c| c.set(None));
    }
}

/// Records `e` (the first one wins) and returns it as a message for Tera.
fn stop(e: Exceeded) -> String {
    with(|l| {
        l.exceeded.get_or_insert(e);
    });
    e.reason()
}

fn late() -> bool {
    with(|l| Instant::now() > l.deadline).unwrap_or(false)
}

/// A writer that refuses to grow past `limit` bytes or past the render's time.
pub struct Bounded<'a> {
    /// Where the output goes.
    pub out: &'a mut Vec<u8>,
    /// The most it may hold.
    pub limit: usize,
}

impl Write for Bounded<'_> {
    fn write(&mut self, buf: &[u8]) -> io::Result<usize> {
        if self.out.len() + buf.len() > self.limit {
            return Err(io::Error::other(stop(Exceeded::Output(self.limit))));
        }
        if late() {
            return Err(io::Error::other(stop(Exceeded::Time(TIME))));
        }
        self.out.extend_from_slice(buf);
        Ok(buf.len())
    }

    fn flush(&mut self) -> io::Result<()> {
        Ok(())
    }
}

/// Tera's `range(start=0, end, step_by=1)`, counting what it makes against the render's
/// budget.
pub fn range(kwargs: Kwargs, _: &State) -> TeraResult<Vec<i128>> {
    let start = kwargs.get::<i128>("start")?.unwrap_or_default();
    let end = kwargs.must_get::<i128>("end")?;
    let step = kwargs.get::<i128>("step_by")?.unwrap_or(1);
    if step == 0 {
        return Err(tera::Error::message("range(): step_by не может быть 0"));
    }
    let len = if (step > 0 && end > start) || (step < 0 && end < start) {
        end.abs_diff(start).div_ceil(step.unsigned_abs())
    } else {
        0
    };
    if late() {
        return Err(tera::Error::message(stop(Exceeded::Time(TIME))));
    }
    let allowed = with(|l| {
        let ok = len <= l.range_left as u128;
        l.range_left = l.range_left.saturating_sub(len.min(usize::MAX as u128) as usize);
        ok
    })
    .unwrap_or(len <= RANGE_ELEMENTS as u128);
    if !allowed {
        return Err(tera::Error::message(stop(Exceeded::Range(RANGE_ELEMENTS))));
    }
    Ok((0..len as i128).map(|i| start + i * step).collect())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_writer_refuses_past_its_limit_and_says_why() {
        let guard = Guard::start();
        let mut out = Vec::new();
        let mut w = Bounded { out: &mut out, limit: 10 };
        assert!(w.write_all(b"0123456789").is_ok());
        assert!(w.write_all(b"x").is_err());
        assert_eq!(guard.exceeded(), Some(Exceeded::Output(10)));
        assert_eq!(out.len(), 10);
    }

    #[test]
    fn nested_ranges_are_stopped_by_their_total() {
        let mut tera = tera::Tera::new();
        tera.register_function("range", range);
        tera.add_raw_template(
            "t",
            "{% for i in range(end=100000) %}{% for j in range(end=100000) %}{% endfor %}{% endfor %}",
        )
        .unwrap();
        let guard = Guard::start();
        let started = Instant::now();
        assert!(tera.render("t", &tera::Context::new()).is_err());
        assert_eq!(guard.exceeded(), Some(Exceeded::Range(RANGE_ELEMENTS)));
        assert!(started.elapsed() < Duration::from_secs(5));
        drop(guard);
        let mut t = tera::Tera::new();
        t.register_function("range", range);
        t.add_raw_template("u", "{% for i in range(start=1, end=7, step_by=2) %}{{ i }}{% endfor %}").unwrap();
        assert_eq!(t.render("u", &tera::Context::new()).unwrap(), "135");
    }
}
