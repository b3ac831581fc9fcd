//! Where data lands on a chart: a [`Frame`] (the canvas, its margins and
//! the data ranges shown) and its [`Mapper`], plotters' own Cartesian
//! coordinates, exactly as its `ChartBuilder` would build them (a test
//! proves it), without a backend or a chart.

use crate::render::charts::ChartError;
use plotters::coord::CoordTranslate;
use plotters::coord::types::RangedCoordf64;
use plotters::prelude::*;

/// The canvas size and the plot area inside it, with the data ranges the
/// plot area shows. Margins are in canvas units (the `viewBox`).
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct Frame {
    pub width: u32,
    pub height: u32,
    pub left: u32,
    pub right: u32,
    pub top: u32,
    pub bottom: u32,
    /// Data range shown from the left to the right edge of the plot area.
    pub x: (f64, f64),
    /// Data range shown from the bottom to the top edge of the plot area.
    pub y: (f64, f64),
}

impl Frame {
    /// A frame over the whole canvas whose data coordinates are canvas
    /// units: x to the right, y up from the bottom row (see [`up`](Self::up)).
    /// plotters maps a range onto the pixels from the first to the last,
    /// so the canvas `0..width` is the data range `0..width − 1`.
    pub fn canvas(width: u32, height: u32) -> Self {
        Self {
            width,
            height,
            left: 0,
            right: 0,
            top: 0,
            bottom: 0,
            x: (0.0, f64::from(width.saturating_sub(1))),
            y: (0.0, f64::from(height.saturating_sub(1))),
        }
    }

    /// This frame with its y axis over the whole canvas height in canvas
    /// units, as [`canvas`](Self::canvas) has it; x stays as it was.
    pub fn canvas_y(self) -> Self {
        Self {
            top: 0,
            bottom: 0,
            y: Self::canvas(self.width, self.height).y,
            ..self
        }
    }

    /// The data y of canvas row `canvas_y`, in a frame whose y axis is the
    /// canvas ([`canvas`](Self::canvas), [`canvas_y`](Self::canvas_y)).
    pub fn up(&self, canvas_y: i32) -> f64 {
        f64::from(i32::try_from(self.height).unwrap_or(i32::MAX) - 1 - canvas_y)
    }

    /// Where the data point `(x, y)` lands on the canvas, as plotters maps it.
    /// The charts get the [`mapper`](Self::mapper) once and map with that.
    #[cfg(test)]
    pub fn at(&self, x: f64, y: f64) -> Result<(i32, i32), ChartError> {
        Ok(self.mapper()?.at(x, y))
    }

    /// The translation from data to canvas coordinates of this frame: the
    /// coordinate system plotters' `ChartBuilder` builds with these margins
    /// (no label areas), without a backend or a chart.
    pub fn mapper(&self) -> Result<Mapper, ChartError> {
        let valid = |(a, b): (f64, f64)| a.is_finite() && b.is_finite() && a < b;
        if !valid(self.x) || !valid(self.y) {
            return Err(ChartError(format!(
                "empty data range {:?} × {:?}",
                self.x, self.y
            )));
        }
        if self.left.saturating_add(self.right) >= self.width
            || self.top.saturating_add(self.bottom) >= self.height
        {
            return Err(ChartError("margins leave no plot area".to_string()));
        }
        // The plot area is the canvas less the margins; ChartBuilder maps
        // the data ranges onto its first to its last pixel, y upwards.
        // Every value fits an i32: the margins are below the size, and the
        // size of a chart is far below i32::MAX.
        let int = |v: u32| i32::try_from(v).unwrap_or(i32::MAX);
        let (x0, y0) = (int(self.left), int(self.top));
        let x1 = int(self.width - self.right);
        let y1 = int(self.height - self.bottom);
        Ok(Mapper {
            size: (self.width, self.height),
            area: (x0, y0, x1, y1),
            coord: Cartesian2d::new(
                self.x.0..self.x.1,
                self.y.0..self.y.1,
                (x0..x1 - 1, y1 - 1..y0),
            ),
        })
    }
}

/// Data to canvas coordinates for one [`Frame`] (see [`Frame::mapper`]).
#[derive(Clone)]
pub struct Mapper {
    /// The canvas size.
    pub(super) size: (u32, u32),
    /// The plot area: left, top, right and bottom edges on the canvas.
    pub(super) area: (i32, i32, i32, i32),
    pub(super) coord: Coord,
}

/// plotters' coordinate system of a frame: `f64` data on both axes.
pub type Coord = Cartesian2d<RangedCoordf64, RangedCoordf64>;

impl Mapper {
    /// Where the data point `(x, y)` lands on the canvas (not clipped to the
    /// plot area, like `ChartContext::backend_coord`).
    pub fn at(&self, x: f64, y: f64) -> (i32, i32) {
        self.coord.translate(&(x, y))
    }
}

#[cfg(test)]
pub(super) mod tests {
    use super::*;

    /// A 200×100 frame with margins, x from 0 to 10, y from −1 to 1.
    pub(in crate::render::charts::canvas) fn frame() -> Frame {
        Frame {
            width: 200,
            height: 100,
            left: 20,
            right: 10,
            top: 5,
            bottom: 15,
            x: (0.0, 10.0),
            y: (-1.0, 1.0),
        }
    }

    #[test]
    fn maps_the_plot_area_edges_to_the_margins() {
        let f = frame();
        // plotters maps a range onto its first to its last pixel.
        assert_eq!(f.at(0.0, 1.0).unwrap(), (20, 5));
        assert_eq!(f.at(10.0, -1.0).unwrap(), (189, 84));
        assert_eq!(f.at(5.0, 0.0).unwrap(), (104, 45));
    }

    #[test]
    fn a_canvas_frame_maps_canvas_units_to_themselves() {
        let f = Frame::canvas(120, 80);
        for (x, y) in [(0, 0), (16, 18), (119, 79), (60, 40)] {
            assert_eq!(f.at(f64::from(x), f.up(y)).unwrap(), (x, y));
        }
        let data = Frame {
            x: (5.0, 6.0),
            ..frame()
        }
        .canvas_y();
        for y in [0, 18, 99] {
            assert_eq!(data.at(5.0, data.up(y)).unwrap().1, y);
        }
    }

    #[test]
    fn refuses_empty_ranges_and_margins() {
        let mut f = frame();
        f.x = (1.0, 1.0);
        assert!(f.at(1.0, 0.0).is_err());
        let mut f = frame();
        f.y = (0.0, f64::NAN);
        assert!(f.at(1.0, 0.0).is_err());
        let mut f = frame();
        f.left = 300;
        assert!(f.at(1.0, 0.0).is_err());
    }

    /// The mapping as plotters' ChartBuilder has it, through a whole
    /// backend and chart: what [`Frame::mapper`] must equal.
    fn charted(f: &Frame, points: &[(f64, f64)]) -> Vec<(i32, i32)> {
        let mut scratch = String::new();
        let root = SVGBackend::with_string(&mut scratch, (f.width, f.height)).into_drawing_area();
        let mut builder = ChartBuilder::on(&root);
        builder
            .margin_left(f.left)
            .margin_right(f.right)
            .margin_top(f.top)
            .margin_bottom(f.bottom);
        let chart = builder
            .build_cartesian_2d(f.x.0..f.x.1, f.y.0..f.y.1)
            .unwrap();
        points.iter().map(|p| chart.backend_coord(p)).collect()
    }

    #[test]
    fn the_mapper_is_what_plotters_chart_builder_maps() {
        // A small deterministic generator: many frames, many points.
        let mut state = 0x2545_f491_4f6c_dd1du64;
        let mut next = move |n: u64| {
            state ^= state << 13;
            state ^= state >> 7;
            state ^= state << 17;
            state % n.max(1)
        };
        let mut frames = vec![
            frame(),
            Frame::canvas(560, 240),
            Frame::canvas(2, 2),
            Frame {
                x: (-0.5, 39.5),
                ..Frame::canvas(560, 280)
            },
        ];
        for _ in 0..400 {
            let width = 2 + next(900) as u32;
            let height = 2 + next(500) as u32;
            let (left, right) = (
                next(u64::from(width) / 2) as u32,
                next(u64::from(width) / 2) as u32,
            );
            let (top, bottom) = (
                next(u64::from(height) / 2) as u32,
                next(u64::from(height) / 2) as u32,
            );
            let lo = next(20_000) as f64 / 7.0 - 1000.0;
            let span = [1e-9, 0.017, 1.0, 3.5, 97.0, 1e6][next(6) as usize] * (1 + next(9)) as f64;
            let ylo = next(1000) as f64 * -0.37;
            frames.push(Frame {
                width,
                height,
                left,
                right,
                top,
                bottom,
                x: (lo, lo + span),
                y: (ylo, ylo + span * 3.0),
            });
        }
        let mut compared = 0;
        for f in frames {
            if f.left + f.right >= f.width || f.top + f.bottom >= f.height {
                assert!(f.mapper().is_err());
                continue;
            }
            let (dx, dy) = (f.x.1 - f.x.0, f.y.1 - f.y.0);
            let mut points = vec![
                (f.x.0, f.y.0),
                (f.x.1, f.y.1),
                (f.x.0 - dx, f.y.1 + 2.0 * dy),
            ];
            for _ in 0..60 {
                let fx = next(3001) as f64 / 1000.0 - 1.0;
                let fy = next(3001) as f64 / 1000.0 - 1.0;
                points.push((f.x.0 + fx * dx, f.y.0 + fy * dy));
            }
            // Integer data points too, as the canvas frames use them (within
            // the range and a span either side: plotters' own mapping
            // overflows far outside, in debug builds).
            let near = |p: &(f64, f64)| {
                (f.x.0 - dx..=f.x.1 + dx).contains(&p.0) && (f.y.0 - dy..=f.y.1 + dy).contains(&p.1)
            };
            points.extend(
                (0..20)
                    .map(|i| (f64::from(i), f64::from(i * 3)))
                    .filter(near),
            );
            let mapper = f.mapper().unwrap();
            let mapped: Vec<(i32, i32)> = points.iter().map(|(x, y)| mapper.at(*x, *y)).collect();
            assert_eq!(mapped, charted(&f, &points), "{f:?}");
            compared += points.len();
        }
        assert!(compared > 20_000, "{compared}");
    }
}
