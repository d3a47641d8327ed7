//! Indicators over the observations: the catalogue (codes, names,
//! definitions, numerator and denominator per source) and their series.

pub mod catalogue;
pub mod series;
