//! A KPI's figures: whether a quarter measures it, and its value, which
//! drifts around a base from quarter to quarter.

use super::{KPI_BASE, KPI_QUARTER};
use crate::rng::Rng;
use crate::words::KpiKind;

/// Whether KPI `k` of section `j` is measured in quarter `i`: now and then
/// a quarter lacks one (never the first).
pub(super) fn measured(seed: u64, i: usize, j: usize, k: usize) -> bool {
    let mut q_rng = Rng::stream(seed, &[KPI_QUARTER, i as u64, j as u64, k as u64]);
    i == 0 || !q_rng.chance(0.02)
}

/// `v` kept within what a KPI of `kind` can show.
pub(super) fn clamp(v: f64, kind: &KpiKind) -> f64 {
    let v = v.max(kind.lo * 0.5);
    if kind.unit == "%" {
        v.min(if kind.hi > 99.0 { 99.999 } else { 100.0 })
    } else {
        v
    }
}

/// A KPI's value in quarter `i`: a base per section and KPI, a slow trend,
/// and noise per quarter, so trends across quarters look like trends.
pub(super) fn value(seed: u64, i: usize, j: usize, k: usize, kind: &KpiKind) -> f64 {
    let mut base_rng = Rng::stream(seed, &[KPI_BASE, j as u64, k as u64]);
    let base = base_rng.uniform(kind.lo, kind.hi);
    let trend = base_rng.uniform(-0.01, 0.02);
    let mut q_rng = Rng::stream(seed, &[KPI_QUARTER, i as u64, j as u64, k as u64]);
    q_rng.next_u64(); // the draw that decides whether the KPI is measured
    let noise = q_rng.uniform(-0.03, 0.03);
    let v = if kind.unit == "%" && kind.hi > 99.0 {
        // Availability: the gap to 100 % moves, not the figure.
        100.0 - (100.0 - base) * (1.0 + noise * 10.0)
    } else {
        base * (1.0 + trend * i as f64) * (1.0 + noise)
    };
    clamp(v, kind)
}
