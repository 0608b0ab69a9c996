//! Integer geometry for layouts: whole pixels, so a layout prints the same bytes everywhere.

use serde::Serialize;

#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize)]
pub struct Point {
    pub x: i32,
    pub y: i32,
}

impl Point {
    pub const fn new(x: i32, y: i32) -> Point {
        Point { x, y }
    }
}

/// An axis-aligned box: `x`, `y` is the top-left corner.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
pub struct Rect {
    pub x: i32,
    pub y: i32,
    pub w: i32,
    pub h: i32,
}

impl Rect {
    pub const fn new(x: i32, y: i32, w: i32, h: i32) -> Rect {
        Rect { x, y, w, h }
    }

    pub const fn right(&self) -> i32 {
        self.x + self.w
    }

    pub const fn bottom(&self) -> i32 {
        self.y + self.h
    }

    pub const fn center(&self) -> Point {
        Point::new(self.x + self.w / 2, self.y + self.h / 2)
    }

    /// True when the two boxes share interior area (touching edges do not count).
    pub fn overlaps(&self, other: &Rect) -> bool {
        self.x < other.right()
            && other.x < self.right()
            && self.y < other.bottom()
            && other.y < self.bottom()
    }

    /// True when `other` lies entirely inside (edges may touch).
    pub fn contains(&self, other: &Rect) -> bool {
        other.x >= self.x
            && other.y >= self.y
            && other.right() <= self.right()
            && other.bottom() <= self.bottom()
    }

    /// The same box with every side moved inwards by `d` (outwards when negative).
    pub fn inset(&self, d: i32) -> Rect {
        Rect::new(self.x + d, self.y + d, self.w - 2 * d, self.h - 2 * d)
    }
}

/// Floor of the square root, for the round ends of terminators.
pub(crate) fn isqrt(n: i64) -> i64 {
    if n <= 0 {
        return 0;
    }
    let mut r = (n as f64).sqrt() as i64;
    while r * r > n {
        r -= 1;
    }
    while (r + 1) * (r + 1) <= n {
        r += 1;
    }
    r
}

/// Ceiling of the square root: a point computed with it lies on or just outside a curve.
pub(crate) fn isqrt_ceil(n: i64) -> i64 {
    let r = isqrt(n);
    if r * r == n {
        r
    } else {
        r + 1
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn square_roots_round_the_right_way() {
        for n in 0..2000 {
            let f = isqrt(n);
            let c = isqrt_ceil(n);
            assert!(f * f <= n && (f + 1) * (f + 1) > n, "{n}");
            assert!(c * c >= n && (c == 0 || (c - 1) * (c - 1) < n), "{n}");
        }
    }

    #[test]
    fn overlap_excludes_touching_edges() {
        let a = Rect::new(0, 0, 10, 10);
        assert!(!a.overlaps(&Rect::new(10, 0, 5, 5)));
        assert!(a.overlaps(&Rect::new(9, 9, 5, 5)));
        assert!(a.contains(&Rect::new(0, 0, 10, 10)));
        assert!(!a.contains(&Rect::new(1, 1, 10, 1)));
    }
}
